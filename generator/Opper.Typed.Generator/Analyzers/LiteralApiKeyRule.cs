using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Core.Rules;
using Opper.Typed.Generator.Diagnostics;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>
    /// OPPER009: a string literal assigned to <c>OpperVideoClientOptions.ApiKey</c>: a secret in source control. A source rule,
    /// not a request rule: only the analyzer sees code, so it is the one rule that lives here rather than in the shared core.
    /// </summary>
    internal static class LiteralApiKeyRule
    {
        public const string DiagnosticId = "OPPER009";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            DiagnosticId, "Literal Opper API key in source", RuleSeverity.Warning, RuleDescriptor.UsageCategory,
            "An Opper API key is written in source; read it from the OPPER_API_KEY environment variable or a secret store instead");

        public static void Check(ISimpleAssignmentOperation assignment, KnownSymbols symbols, Action<Diagnostic> report)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "ApiKey" } property }
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.ClientOptions)
                && RequestSiteReader.Unwrap(assignment.Value) is { ConstantValue: { HasValue: true, Value: string key } } literal
                && key.Trim().Length > 0)
            {
                report(Diagnostic.Create(Descriptors.LiteralApiKey, literal.Syntax.GetLocation()));
            }
        }
    }
}
