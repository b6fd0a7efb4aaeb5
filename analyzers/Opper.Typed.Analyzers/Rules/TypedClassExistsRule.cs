using System;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER010 (info): an untyped request for a model that has a generated class.</summary>
    internal static class TypedClassExistsRule
    {
        public const string ClassProperty = "ClassName";

        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (!site.Typed && site.Model is { HasDialect: true, RetiredAt: null } model)
            {
                var properties = DiagnosticProperties.For("model", ClassProperty, model.ClassName);
                report(Diagnostic.Create(Descriptors.TypedClassExists, site.Creation.Syntax.GetLocation(), properties, model.Id, model.ClassName));
            }
        }
    }
}
