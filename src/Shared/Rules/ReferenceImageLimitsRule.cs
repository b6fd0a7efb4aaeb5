using System.Collections.Generic;
using System.Globalization;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// OPPER014: reference images beyond what a model that takes them allows: more than its maximum, combined with an
    /// input it does not combine them with (Veo 3.1: image; xAI: image or video), or a clip longer than it makes from
    /// them (xAI: 10 seconds). A model that takes none is OPPER004's to report.
    /// </summary>
    internal sealed class ReferenceImageLimitsRule : RequestRule
    {
        public const string DiagnosticId = "OPPER014";

        public ReferenceImageLimitsRule()
            : base(DiagnosticId, "Reference images beyond the model's limits", RulePhase.CrossField)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { TakesReferenceImages: true } model)
            {
                return;
            }

            var count = 0;
            for (var i = 0; i < request.Media.Count; i++)
            {
                var field = request.Media[i].Field;
                if (!MissingCapabilityRule.IsReferenceImage(field))
                {
                    continue;
                }

                // One report, on the first image past the limit: that is where the list has to end.
                if (++count == model.MaxReferenceImages + 1)
                {
                    Report(ref found, ViolationTarget.Media, i, field, $"is past the limit: {model.Id} takes at most {model.MaxReferenceImages} reference images",
                        $"Keep at most {model.MaxReferenceImages} reference images.", "invalid_media");
                }
            }

            if (count == 0)
            {
                return;
            }

            for (var i = 0; i < request.Media.Count; i++)
            {
                var field = request.Media[i].Field;
                if (Contains(model.ReferenceImagesNotWith, field))
                {
                    Report(ref found, ViolationTarget.Media, i, field, $"cannot be combined with reference_images on {model.Id}",
                        $"Send either the {field} or the reference images.", "unsupported_input");
                }
            }

            CheckDuration(request, model, ref found);
        }

        private void CheckDuration(RequestFacts request, VideoModelSpec model, ref List<RuleViolation>? found)
        {
            if (model is not { ReferenceImagesDurationParameter: { } parameter, ReferenceImagesMaxDuration: { } longest })
            {
                return;
            }

            for (var i = 0; i < request.Parameters.Count; i++)
            {
                // Only a number: a value of the wrong type is OPPER006's, one out of the model's own range OPPER007's.
                if (request.Parameters[i] is { Key: var key, Value: { Kind: JsonLiteralKind.Number } value } && key == parameter
                    && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > longest)
                {
                    var most = longest.ToString("R", CultureInfo.InvariantCulture);
                    Report(ref found, ViolationTarget.ParameterValue, i, "parameters." + parameter,
                        $"is {value.Text}, but with reference images {model.Id} makes clips of at most {most} seconds",
                        $"Ask for {most} seconds or less, or drop the reference images.", "invalid_parameter");
                }
            }
        }

        private static bool Contains(IReadOnlyList<string> fields, string field)
        {
            foreach (var candidate in fields)
            {
                if (candidate == field)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
