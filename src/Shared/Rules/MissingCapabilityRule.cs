using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER004: an image or video for a model without that capability, or reference images for a model that takes none.</summary>
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
                if (IsReferenceImage(field) && !Takes(model, field))
                {
                    Report(ref found, ViolationTarget.Media, i, field, $"is not taken by {model.Id} (it takes no reference images)",
                        "Use a model that takes reference_images, such as Veo 3.1 or Grok Imagine, or drop them.", "unsupported_input");
                }
                else if (!Takes(model, field))
                {
                    Report(ref found, ViolationTarget.Media, i, field, $"is not taken by {model.Id} (it has no {VideoCapabilities.RequiredFor(field)} capability)",
                        field == "video" ? "Use a video-editing model such as pruna/vace." : "Use an image-to-video model, or drop the input.", "unsupported_input");
                }
            }
        }

        /// <summary>
        /// Whether the model takes the field. Reference images are per model: a provider with a dialect documents which
        /// models take them (video-parameters.json); without a dialect nothing is known, so an image-to-video model may.
        /// </summary>
        public static bool Takes(VideoModelSpec model, string field) =>
            IsReferenceImage(field) && model.HasDialect
                ? model.TakesReferenceImages
                : model.Capabilities.Contains(VideoCapabilities.RequiredFor(field));

        /// <summary>Whether the field is one of <c>reference_images</c> (<c>reference_images[2]</c>).</summary>
        public static bool IsReferenceImage(string field) => field.StartsWith("reference_images", System.StringComparison.Ordinal);
    }
}
