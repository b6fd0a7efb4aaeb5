using System.Collections.Generic;
using System.Linq;
using Opper.Typed.Core.Media;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER001: media in a form no provider takes (a local path), or not this provider's (http for Veo, a data-URI for Pruna or xAI, gs:// for Sora).</summary>
    internal sealed class MediaSourceKindRule : RequestRule
    {
        /// <summary>Set when the value is a URL and the provider takes data-URIs: the fix can download and inline it.</summary>
        public const string CanInlineHint = "CanInline";

        public const string DiagnosticId = "OPPER001";

        public MediaSourceKindRule()
            : base(DiagnosticId, "Media source kind not accepted by the provider", RulePhase.MediaForm)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            for (var i = 0; i < request.Media.Count; i++)
            {
                var media = request.Media[i];
                var kind = MediaSourceClassifier.Classify(media.Value);
                if (kind == MediaSourceKind.Unknown)
                {
                    Report(ref found, ViolationTarget.Media, i, media.Field,
                        $"is '{MediaWording.Shorten(media.Value)}', which is not an http(s) URL, a base64 data-URI or a gs:// URI",
                        "Use MediaInput.FromFile(path) for a local file, or MediaInput.FromUrl for a public URL.", "invalid_media");
                    continue;
                }

                // A model that does not take the input at all is OPPER004's to report.
                if (request.Model is { } model && MissingCapabilityRule.Takes(model, media.Field) && !model.AcceptedMedia.Contains(kind))
                {
                    var canInline = kind == MediaSourceKind.Url && model.AcceptedMedia.Contains(MediaSourceKind.DataUri);
                    Report(ref found, ViolationTarget.Media, i, media.Field, $"must be {MediaWording.Accepted(model)}; got {MediaWording.Given(kind)}", MediaWording.FixFor(model), "invalid_media")
                        .WithHint(CanInlineHint, canInline ? "true" : null);
                }
            }
        }
    }
}
