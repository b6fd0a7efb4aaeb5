using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>
    /// OPPER010 (info): an untyped request for a model that has a generated class. When every parameter has a typed form,
    /// the diagnostic carries the rewrite (key → property, value → enum member) for the code fix.
    /// </summary>
    internal static class TypedClassExistsRule
    {
        public const string ClassProperty = "ClassName";

        /// <summary>One line per parameter: <c>key \t Property \t replacement</c> (empty replacement: keep the value as written).</summary>
        public const string RewriteProperty = "Rewrite";

        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (site.Typed || site.Model is not { HasDialect: true, RetiredAt: null } model)
            {
                return;
            }

            var properties = DiagnosticProperties.For("model", ClassProperty, model.ClassName);
            if (Rewrite(site, model) is { } rewrite)
            {
                properties = properties.Add(RewriteProperty, rewrite);
            }

            report(Diagnostic.Create(Descriptors.TypedClassExists, site.Creation.Syntax.GetLocation(), properties, model.Id, model.ClassName));
        }

        /// <summary>The mapping, or null when any value has no typed form (then the fix is not offered).</summary>
        private static string? Rewrite(RequestSite site, ModelSpec model)
        {
            if (site.Media.Any(m => m.Field == "reference_images" || !MediaSourceKindRule.Takes(model, m.Field)))
            {
                return null;
            }

            var lines = new List<string>();
            foreach (var parameter in site.Parameters)
            {
                var spec = model.Parameters.FirstOrDefault(p => p.WireName == parameter.Key);
                if (spec is null || parameter.Value is null || ParameterFacts.JsonKindOf(parameter.ValueType) != ParameterFacts.Expected(spec.Type))
                {
                    return null;
                }

                var replacement = "";
                if (spec.EnumName is not null)
                {
                    var member = ParameterFacts.MemberFor(spec, parameter.Value);
                    if (member is null)
                    {
                        return null;
                    }

                    replacement = spec.EnumName + "." + member.Name;
                }

                lines.Add(parameter.Key + "\t" + spec.PropertyName + "\t" + replacement);
            }

            return string.Join("\n", lines);
        }
    }
}
