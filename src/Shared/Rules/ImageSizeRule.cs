using System.Collections.Generic;
using Opper.Typed.Core.Media;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER008: a data-URI image whose pixel size differs from the requested size (Sora's <c>size</c>).</summary>
    internal sealed class ImageSizeRule : RequestRule
    {
        public const string DiagnosticId = "OPPER008";

        public ImageSizeRule()
            : base(DiagnosticId, "Image size differs from the requested size", RulePhase.CrossField)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { ImageSizeParameter: { } parameter } model || RequestedSize(request, parameter) is not { } requested)
            {
                return;
            }

            for (var i = 0; i < request.Media.Count; i++)
            {
                if (request.Media[i].Field == "image" && ImageDimensions.OfDataUri(request.Media[i].Value) is { } actual && actual != requested)
                {
                    Report(ref found, ViolationTarget.Media, i, "image", $"is {actual} pixels, but {model.Id} needs it to equal {parameter} {requested}",
                        $"Resize the image to {requested}, or request the {parameter} that matches it.", "invalid_media");
                }
            }
        }

        private static string? RequestedSize(RequestFacts request, string parameter)
        {
            foreach (var fact in request.Parameters)
            {
                if (fact.Key == parameter && fact.Value is { Kind: JsonLiteralKind.String } size)
                {
                    return size.Text;
                }
            }

            return null;
        }
    }
}
