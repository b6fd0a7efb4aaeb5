using System;
using Microsoft.CodeAnalysis;
using Opper.Typed.Analyzers.Catalog;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER003: a constant model id in <c>VideoRequest</c> that the catalog snapshot does not know.</summary>
    internal static class UnknownModelRule
    {
        public const string SuggestionProperty = "Suggestion";

        public static void Check(RequestSite site, ModelCatalog catalog, Action<Diagnostic> report)
        {
            if (site.Typed || site.ModelId is null || site.Model is not null)
            {
                return;
            }

            var suggestion = Suggestions.Closest(site.ModelId, catalog.Ids);
            var properties = DiagnosticProperties.For("model", SuggestionProperty, suggestion);
            report(Diagnostic.Create(Descriptors.UnknownModel, site.ModelLocation, properties, site.ModelId, suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
        }
    }
}
