using System.Collections.Generic;
using Opper.Typed.Core.Media;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER002: a URL the provider's servers cannot fetch (localhost, loopback, private ranges, .local), for providers that fetch URLs.</summary>
    internal sealed class UnreachableUrlRule : RequestRule
    {
        public const string DiagnosticId = "OPPER002";

        public UnreachableUrlRule()
            : base(DiagnosticId, "URL the provider cannot fetch", RulePhase.MediaForm)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { PublicUrlsOnly: true } model)
            {
                return;
            }

            for (var i = 0; i < request.Media.Count; i++)
            {
                var media = request.Media[i];
                if (MissingCapabilityRule.Takes(model, media.Field)
                    && MediaSourceClassifier.Classify(media.Value) == MediaSourceKind.Url
                    && PublicUrl.WhyNotPublic(media.Value) is { } reason)
                {
                    Report(ref found, ViolationTarget.Media, i, media.Field, $"is {reason}, which {model.Provider}'s servers cannot fetch", "Host the file at a public URL.", "invalid_media");
                }
            }
        }
    }
}
