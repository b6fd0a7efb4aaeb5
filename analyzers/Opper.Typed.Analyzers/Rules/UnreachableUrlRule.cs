using System;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER002: a URL the provider's servers cannot fetch (localhost, loopback, private ranges, .local) for providers that fetch URLs.</summary>
    internal static class UnreachableUrlRule
    {
        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Model is not { PublicUrlsOnly: true } model)
            {
                return;
            }

            foreach (var media in site.Media)
            {
                if (MediaSourceKindRule.Takes(model, media.Field)
                    && MediaSourceClassifier.Classify(media.Value) == MediaSourceClassifier.Url
                    && PublicUrl.WhyNotPublic(media.Value) is { } reason)
                {
                    report(Diagnostic.Create(Descriptors.UnreachableUrl, media.Location, DiagnosticProperties.For(media.Field), media.Value, model.Id, reason, model.Provider));
                }
            }
        }
    }
}
