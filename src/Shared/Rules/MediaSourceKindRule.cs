using System.Collections.Generic;
using System.Linq;
using Opper.Typed.Core.Media;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// OPPER001: media in a form no provider takes (a local path, a malformed file id), or not this provider's (http for
    /// Veo, a data-URI for Pruna or xAI, gs:// for Sora). A well-formed file id is taken everywhere its dialect lists it.
    /// </summary>
    internal sealed class MediaSourceKindRule : RequestRule
    {
        /// <summary>Set when the value is a URL and the provider takes data-URIs: the fix can download and inline it.</summary>
        public const string CanInlineHint = "CanInline";

        public const string DiagnosticId = "OPPER001";

        public MediaSourceKindRule()
            : base(DiagnosticId, "Media source kind not accepted by the provider", RulePhase.MediaForm)
        {
        }

        /// <summary>
        /// Whether the model takes the value: in its own form, or as a file id when the client uploads local bytes for a
        /// provider that takes no data-URI (see <see cref="MediaFact.Uploadable"/>).
        /// </summary>
        public static bool Accepts(VideoModelSpec model, MediaFact media, MediaSourceKind kind) =>
            model.AcceptedMedia.Contains(kind)
            || (media.Uploadable && kind == MediaSourceKind.DataUri && model.AcceptedMedia.Contains(MediaSourceKind.FileId));

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            for (var i = 0; i < request.Media.Count; i++)
            {
                var media = request.Media[i];
                var kind = MediaSourceClassifier.Classify(media.Value);
                if (kind == MediaSourceKind.Unknown)
                {
                    // A misspelt file id says what a file id is: "not a URL or data-URI" would send the user the wrong way.
                    if (MediaSourceClassifier.LooksLikeMalformedFileId(media.Value))
                    {
                        Report(ref found, ViolationTarget.Media, i, media.Field,
                            $"is '{MediaWording.Shorten(media.Value)}', which is not an Opper file id: 'file_' followed by letters, digits, '-' or '_' as Files.UploadAsync or VideoStatus.FileId return it",
                            "Pass the id exactly as returned, with MediaInput.FromFileId(file.Id).", "invalid_media");
                        continue;
                    }

                    Report(ref found, ViolationTarget.Media, i, media.Field,
                        $"is '{MediaWording.Shorten(media.Value)}', which is not an http(s) URL, a base64 data-URI, a gs:// URI or an Opper file id",
                        "Use MediaInput.FromFile(path) for a local file, MediaInput.FromUrl for a public URL, or MediaInput.FromFileId for an uploaded file.", "invalid_media");
                    continue;
                }

                // A model that does not take the input at all is OPPER004's to report.
                if (request.Model is { } model && MissingCapabilityRule.Takes(model, media.Field) && !Accepts(model, media, kind))
                {
                    var canInline = kind == MediaSourceKind.Url && model.AcceptedMedia.Contains(MediaSourceKind.DataUri);
                    Report(ref found, ViolationTarget.Media, i, media.Field, $"must be {MediaWording.Accepted(model)}; got {MediaWording.Given(kind)}", MediaWording.FixFor(model), "invalid_media")
                        .WithHint(CanInlineHint, canInline ? "true" : null);
                }
            }
        }
    }
}
