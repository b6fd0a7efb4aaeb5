using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER004: <c>Image</c> on a model without image_to_video, <c>Video</c> on one without video_editing (untyped only: typed classes lack the member).</summary>
    internal static class MissingCapabilityRule
    {
        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Typed || site.Model is not { } model)
            {
                return;
            }

            foreach (var media in site.Media)
            {
                var capability = media.Field == "video" ? "video_editing" : "image_to_video";
                if (!model.Capabilities.Contains(capability))
                {
                    report(Diagnostic.Create(Descriptors.MissingCapability, media.Location, DiagnosticProperties.For(media.Field), model.Id, media.Field, capability));
                }
            }
        }
    }
}
