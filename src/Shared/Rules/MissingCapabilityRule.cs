using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER004: an image or video for a model without that capability.</summary>
    internal sealed class MissingCapabilityRule : RequestRule
    {
        public const string DiagnosticId = "OPPER004";

        public MissingCapabilityRule()
            : base(DiagnosticId, "Input the model does not take", RulePhase.Input)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { } model)
            {
                return;
            }

            for (var i = 0; i < request.Media.Count; i++)
            {
                var field = request.Media[i].Field;
                if (!Takes(model, field))
                {
                    Report(ref found, ViolationTarget.Media, i, field, $"is not taken by {model.Id} (it has no {VideoCapabilities.RequiredFor(field)} capability)",
                        field == "video" ? "Use a video-editing model such as pruna/vace." : "Use an image-to-video model, or drop the input.", "unsupported_input");
                }
            }
        }

        public static bool Takes(VideoModelSpec model, string field) => model.Capabilities.Contains(VideoCapabilities.RequiredFor(field));
    }
}
