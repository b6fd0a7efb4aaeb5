using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER008: a constant data-URI image whose pixel size differs from the requested size (Sora), typed or untyped.</summary>
    internal static class ImageSizeRule
    {
        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Model is not { ImageSizeParameter: { } parameter } model
                || site.Media.FirstOrDefault(m => m.Field == "image") is not { } image
                || ImageDimensions.OfDataUri(image.Value) is not { } actual
                || RequestedSize(site, parameter) is not { } requested
                || actual == requested)
            {
                return;
            }

            report(Diagnostic.Create(Descriptors.ImageSizeMismatch, image.Location, DiagnosticProperties.For("image"), actual, model.Id, parameter, requested));
        }

        /// <summary>The constant size: <c>Parameters["size"] = "1280x720"</c>, or <c>Size = Sora2Size.Size1280x720</c>.</summary>
        private static string? RequestedSize(RequestSite site, string parameter)
        {
            var spec = site.Model!.Parameters.FirstOrDefault(p => p.WireName == parameter);
            foreach (var value in site.Parameters)
            {
                if (!site.Typed && value.Key == parameter && value.Value is string size)
                {
                    return size;
                }

                if (site.Typed && spec is not null && value.Key == spec.PropertyName && value.EnumMember is { } member
                    && spec.Members.FirstOrDefault(m => m.Name == member) is { } allowed)
                {
                    return allowed.WireText.Trim('"');
                }
            }

            return null;
        }
    }
}
