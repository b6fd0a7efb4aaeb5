using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER007: a value outside the accepted set (an unknown size) or range (xAI <c>duration = 30</c>), typed or untyped.</summary>
    internal static class ValueOutOfRangeRule
    {
        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Model is not { } model)
            {
                return;
            }

            foreach (var parameter in site.Parameters)
            {
                var spec = ParameterFacts.SpecOf(site, parameter);
                if (spec is null || parameter.Value is null || ParameterFacts.JsonKindOf(parameter.ValueType) != ParameterFacts.Expected(spec.Type))
                {
                    continue; // unknown or wrongly typed: OPPER005/006 say so.
                }

                if (Problem(spec, parameter.Value) is { } expected)
                {
                    report(Diagnostic.Create(Descriptors.ValueOutOfRange, parameter.ValueLocation, DiagnosticProperties.For("parameters." + spec.WireName), spec.WireName, model.Id, expected, ParameterFacts.JsonText(parameter.Value)));
                }
            }
        }

        /// <summary>What the value should have been, or null when it is fine.</summary>
        private static string? Problem(ParameterSpec spec, object value)
        {
            if (spec.Members.Count > 0)
            {
                return ParameterFacts.MemberFor(spec, value) is null ? "one of " + string.Join(", ", spec.Members.Select(m => m.WireText)) : null;
            }

            if (ParameterFacts.Number(value) is not { } n2)
            {
                return null;
            }

            var integral = spec.Type == WireType.Integer;
            var outOfRange = (integral && n2 != Math.Floor(n2)) || n2 < (spec.Minimum ?? double.MinValue) || n2 > (spec.Maximum ?? double.MaxValue);
            if (!outOfRange)
            {
                return null;
            }

            var range = (spec.Minimum, spec.Maximum) switch
            {
                (double min, double max) => string.Format(CultureInfo.InvariantCulture, " from {0} to {1}", min, max),
                (double min, null) => string.Format(CultureInfo.InvariantCulture, " of at least {0}", min),
                (null, double max) => string.Format(CultureInfo.InvariantCulture, " of at most {0}", max),
                _ => "",
            };
            return (integral ? "an integer" : "a number") + range;
        }
    }
}
