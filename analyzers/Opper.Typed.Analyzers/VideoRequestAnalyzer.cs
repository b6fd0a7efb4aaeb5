using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Analyzers.Catalog;
using Opper.Typed.Analyzers.Rules;

namespace Opper.Typed.Analyzers
{
    /// <summary>
    /// Flags misuse of Opper's video API that the types cannot express, from the same catalog snapshot and dialects as
    /// the generator. Registers nothing when Opper.Typed is not referenced; never throws into the host.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VideoRequestAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.MediaSourceKind, Descriptors.UnreachableUrl, Descriptors.UnknownModel, Descriptors.MissingCapability,
            Descriptors.UnknownParameter, Descriptors.WrongJsonType, Descriptors.ValueOutOfRange, Descriptors.ImageSizeMismatch, Descriptors.LiteralApiKey,
            Descriptors.TypedClassExists, Descriptors.RetiredModel);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.Resolve(start.Compilation);
                if (symbols is null)
                {
                    return;
                }

                if (symbols.ClientOptions is not null)
                {
                    start.RegisterOperationAction(c => Guard(() => LiteralApiKeyRule.Check((ISimpleAssignmentOperation)c.Operation, symbols, c.ReportDiagnostic)), OperationKind.SimpleAssignment);
                }

                // Each file is parsed once per text and shared across compilations; a broken file is the generator's to report.
                var (catalogText, parametersText) = ModelCatalog.FindInputs(start.Options, start.CancellationToken);
                if (catalogText is null || !start.TryGetValue(catalogText, ModelCatalog.Entries, out var entries) || entries is null)
                {
                    return;
                }

                Generator.Parser.DialectSet? dialects = new Generator.Parser.DialectSet();
                if (parametersText is not null && (!start.TryGetValue(parametersText, ModelCatalog.Dialects, out dialects) || dialects is null))
                {
                    return;
                }

                var catalog = ModelCatalog.Build(entries, dialects);

                start.RegisterOperationAction(c => Guard(() => AnalyzeCreation((IObjectCreationOperation)c.Operation, symbols, catalog, c.ReportDiagnostic)), OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeCreation(IObjectCreationOperation creation, KnownSymbols symbols, ModelCatalog catalog, Action<Diagnostic> report)
        {
            var site = RequestSiteReader.Read(creation, symbols, catalog);
            if (site is null)
            {
                return;
            }

            UnknownModelRule.Check(site, catalog, report);
            RetiredModelRule.Check(site, report);
            TypedClassExistsRule.Check(site, report);
            MissingCapabilityRule.Check(site, report);
            MediaSourceKindRule.Check(site, report);
            UnreachableUrlRule.Check(site, report);
            UnknownParameterRule.Check(site, report);
            WrongJsonTypeRule.Check(site, report);
            ValueOutOfRangeRule.Check(site, report);
            ImageSizeRule.Check(site, report);
        }

        /// <summary>Tests set this to see rule failures that users never should (the corpus test requires none).</summary>
        internal static Action<Exception>? OnRuleFailure { get; set; }

        /// <summary>An analyzer exception is an AD0001 in every user's build: a rule that fails stays silent instead.</summary>
        private static void Guard(Action analyze)
        {
            try
            {
                analyze();
            }
            catch (Exception exception) when (!(exception is OperationCanceledException))
            {
                // A missed warning is better than a broken build or IDE; tests observe this path through OnRuleFailure.
                OnRuleFailure?.Invoke(exception);
            }
        }
    }
}
