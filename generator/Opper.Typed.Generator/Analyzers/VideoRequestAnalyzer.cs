using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Core.Rules;
using Opper.Typed.Generator.Diagnostics;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>
    /// Flags misuse of Opper's video API that the types cannot express: it reads each request's constants into neutral
    /// facts, asks the shared rules (the same the runtime validator and the emulator apply), and underlines what they
    /// report. Registers nothing when Opper.Typed is not referenced. An exception here is a bug and surfaces as AD0001.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VideoRequestAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Every request rule of the shared core, plus the source rule this analyzer checks itself.</summary>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.RequestRules.Add(Descriptors.LiteralApiKey);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is still not analyzed (no Analyze flag: Roslyn skips generated files and [GeneratedCode]
            // members before any callback). ReportDiagnostics spares each report Roslyn's check of whether its location
            // is generated, which was most of this analyzer's time in a profile and is false for a site in code that
            // was analyzed (short of a request written inside a #line hidden region, which is now reported).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.Resolve(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                if (symbols.ClientOptions is not null)
                {
                    start.RegisterOperationAction(c => LiteralApiKeyRule.Check((ISimpleAssignmentOperation)c.Operation, symbols, c.ReportDiagnostic), OperationKind.SimpleAssignment);
                }

                var catalog = AnalyzerCatalog.Get(start.Options, start.CancellationToken);
                if (catalog is null)
                {
                    return;
                }

                start.RegisterOperationAction(c => Report(c, RequestSiteReader.Read((IObjectCreationOperation)c.Operation, symbols, catalog)), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => Report(c, RequestSiteReader.Read((IWithOperation)c.Operation, symbols, catalog)), OperationKind.With);
            });
        }

        private static void Report(OperationAnalysisContext context, RequestSite? site)
        {
            if (site is null)
            {
                return;
            }

            foreach (var violation in RequestRules.Check(site.Facts, atRunTime: false) ?? new System.Collections.Generic.List<RuleViolation>())
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.For(violation.RuleId), site.LocationOf(violation), DiagnosticProperties.For(violation), violation.Message(site.Facts.ModelName)));
            }
        }
    }
}
