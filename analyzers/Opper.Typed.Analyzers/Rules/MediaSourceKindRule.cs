using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER001: an image/video in a form the provider does not accept (http for Veo, data-URI for Pruna/xAI, gs:// for Sora, a local path for anyone).</summary>
    internal static class MediaSourceKindRule
    {
        /// <summary>Set when the value is a URL and the provider takes data-URIs: the fix can download and inline it.</summary>
        public const string CanInlineProperty = "CanInline";

        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Model is not { } model)
            {
                return;
            }

            foreach (var media in site.Media)
            {
                if (!Takes(model, media.Field))
                {
                    continue; // OPPER004 already says the input is not taken at all.
                }

                var kind = MediaSourceClassifier.Classify(media.Value);
                if (kind is null || !model.AcceptedMedia.Contains(kind))
                {
                    var canInline = kind == MediaSourceClassifier.Url && model.AcceptedMedia.Contains(MediaSourceClassifier.DataUri);
                    report(Diagnostic.Create(Descriptors.MediaSourceKind, media.Location, DiagnosticProperties.For(media.Field, canInline ? CanInlineProperty : null, "true"), model.Id, MediaWording.Given(kind), media.Field, MediaWording.Accepted(model.AcceptedMedia, model.PublicUrlsOnly)));
                }
            }
        }

        internal static bool Takes(ModelSpec model, string field) =>
            model.Capabilities.Contains(field == "video" ? "video_editing" : "image_to_video");
    }
}
