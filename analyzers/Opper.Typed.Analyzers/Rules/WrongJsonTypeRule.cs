using System;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER006: an untyped parameter written in the wrong JSON type (Sora <c>seconds</c> as a number, Veo <c>durationSeconds</c> as a string).</summary>
    internal static class WrongJsonTypeRule
    {
        public const string ExpectedProperty = "Expected";

        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Typed || site.Model is not { } model)
            {
                return;
            }

            foreach (var parameter in site.Parameters)
            {
                var spec = ParameterFacts.SpecOf(site, parameter);
                var actual = ParameterFacts.JsonKindOf(parameter.ValueType);
                if (spec is null || actual is null || parameter.Value is null)
                {
                    continue;
                }

                var expected = ParameterFacts.Expected(spec.Type);
                if (actual != expected)
                {
                    var properties = DiagnosticProperties.For("parameters." + spec.WireName, ExpectedProperty, expected);
                    report(Diagnostic.Create(Descriptors.WrongJsonType, parameter.ValueLocation, properties,
                        parameter.Key, model.Id, expected, ParameterFacts.JsonText(parameter.Value), actual));
                }
            }
        }
    }
}
