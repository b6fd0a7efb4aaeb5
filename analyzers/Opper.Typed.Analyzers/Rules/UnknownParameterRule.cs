using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER005: an untyped <c>Parameters</c> key the model's provider does not take (did you mean: <c>duration_seconds</c> → <c>durationSeconds</c>).</summary>
    internal static class UnknownParameterRule
    {
        public const string SuggestionProperty = "Suggestion";

        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Typed || site.Model is not { HasDialect: true } model)
            {
                return;
            }

            var names = model.Parameters.Select(p => p.WireName).ToList();
            foreach (var parameter in site.Parameters.Where(p => ParameterFacts.SpecOf(site, p) is null))
            {
                var suggestion = Suggestions.Closest(parameter.Key, names);
                var properties = DiagnosticProperties.For("parameters." + parameter.Key, SuggestionProperty, suggestion);
                report(Diagnostic.Create(Descriptors.UnknownParameter, parameter.KeyLocation, properties,
                    parameter.Key, model.Id, suggestion is null ? "" : $" (did you mean '{suggestion}'?)", string.Join(", ", names)));
            }
        }
    }
}
