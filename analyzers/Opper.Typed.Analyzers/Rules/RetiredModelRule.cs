using System;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>OPPER011: a retired model used through the untyped request (the typed class says so with CS0618).</summary>
    internal static class RetiredModelRule
    {
        public static void Check(RequestSite site, Action<Diagnostic> report)
        {
            if (!site.Typed && site.Model is { RetiredAt: { } retiredAt } model)
            {
                report(Diagnostic.Create(Descriptors.RetiredModel, site.ModelLocation, DiagnosticProperties.For("model"), model.Id, retiredAt, model.Successor is null ? "" : $"; use '{model.Successor}'"));
            }
        }
    }
}
