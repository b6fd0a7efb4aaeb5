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
    /// A key only the emulator takes is no secret: its documented key, and any key given with a loopback base address in
    /// the same initializer (the client sends plain http to loopback only, which is where the emulator listens).
    /// </summary>
    internal static class LiteralApiKeyRule
    {
        public const string DiagnosticId = "OPPER009";

        /// <summary>
        /// <c>OpperEmulator.DefaultApiKey</c>, spelled out: the generator cannot reference the emulator's assembly, and a
        /// test pins the two together.
        /// </summary>
        public const string EmulatorKey = "opper-emulator-key";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            DiagnosticId, "Literal Opper API key in source", RuleSeverity.Warning, RuleDescriptor.UsageCategory,
            "An Opper API key is written in source; read it from the OPPER_API_KEY environment variable or a secret store instead");

        public static void Check(ISimpleAssignmentOperation assignment, KnownSymbols symbols, Action<Diagnostic> report)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "ApiKey" } property }
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.ClientOptions)
                && RequestSiteReader.Unwrap(assignment.Value) is { ConstantValue: { HasValue: true, Value: string key } } literal
                && key.Trim().Length > 0
                && key != EmulatorKey
                && !InitializerSetsLoopbackAddress(assignment))
            {
                report(Diagnostic.Create(Descriptors.LiteralApiKey, literal.Syntax.GetLocation()));
            }
        }

        /// <summary>
        /// Whether the object initializer the key is set in also sets <c>BaseAddress</c> to a loopback address it can
        /// prove: <c>new Uri("http://127.0.0.1:5080")</c> or an emulator's <c>BaseAddress</c>.
        /// </summary>
        private static bool InitializerSetsLoopbackAddress(ISimpleAssignmentOperation assignment)
        {
            if (assignment.Parent is not IObjectOrCollectionInitializerOperation initializer)
            {
                return false;
            }

            foreach (var sibling in initializer.Initializers)
            {
                if (sibling is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" } } address
                    && IsLoopback(RequestSiteReader.Unwrap(address.Value)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLoopback(IOperation value) => value switch
        {
            IObjectCreationOperation { Type.Name: "Uri" } creation => creation.Arguments.Length > 0
                && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text }
                && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.IsLoopback,
            IPropertyReferenceOperation { Property: { Name: "BaseAddress", ContainingType.Name: "OpperEmulator" } } => true,
            _ => false,
        };
    }
}
