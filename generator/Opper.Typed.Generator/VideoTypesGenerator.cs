using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Opper.Typed.Core;
using Opper.Typed.Generator.Diagnostics;
using Opper.Typed.Generator.Emitter;
using Opper.Typed.Generator.Pipeline;

namespace Opper.Typed.Generator
{
    /// <summary>
    /// Emits one typed request class per model of the video catalog snapshot (<c>videos-models.json</c>), shaped by the
    /// curated <c>video-parameters.json</c>, plus <c>OpperVideoModels</c> and its <c>Catalog</c>.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class VideoTypesGenerator : IIncrementalGenerator
    {
        /// <summary>The AdditionalFiles metadata naming a file's role: <c>catalog</c> or <c>parameters</c>.</summary>
        public const string RoleMetadata = InputRoles.Metadata;

        public static class TrackingNames
        {
            public const string InputFiles = nameof(InputFiles);
            public const string Options = nameof(Options);
            public const string Catalog = nameof(Catalog);
            public const string Models = nameof(Models);
            public const string Diagnostics = nameof(Diagnostics);
            public const string ModelNames = nameof(ModelNames);
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select((pair, cancellationToken) => ToInput(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
                .Where(file => file is not null)
                .Select((file, _) => file!)
                .Collect()
                .Select((all, _) => all.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.InputFiles);

            var options = context.AnalyzerConfigOptionsProvider
                .Select((provider, _) => new GeneratorOptions(
                    PublicTypes: IsSet(provider.GlobalOptions, "OpperVideoTypesPublic", "true"),
                    RegisterModels: !IsSet(provider.GlobalOptions, "OpperVideoRegisterModels", "false")))
                .WithTrackingName(TrackingNames.Options);

            var catalog = files
                .Select((all, _) => CatalogPipeline.Run(all))
                .WithTrackingName(TrackingNames.Catalog);

            var diagnostics = catalog.Select((result, _) => result.Problems).WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, list) =>
            {
                foreach (var problem in list)
                {
                    spc.ReportDiagnostic(problem.ToDiagnostic());
                }
            });

            var models = catalog.SelectMany((result, _) => result.Models)
                .Combine(options)
                .Select((pair, _) => new ModelToEmit(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Models);
            context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(model.Model.RequestTypeName + ".g.cs", RequestEmitter.Emit(model)));

            var names = catalog.Select((result, _) => result.Models.Select(RegistryEmitter.PropertyName).ToEquatableArray())
                .WithTrackingName(TrackingNames.ModelNames)
                .Combine(options);
            context.RegisterSourceOutput(names, static (spc, pair) =>
            {
                if (pair.Left.Count > 0)
                {
                    spc.AddSource(RegistryEmitter.HintName, RegistryEmitter.EmitDeclaration(pair.Right, pair.Left));
                }
            });
        }

        private static bool IsSet(AnalyzerConfigOptions options, string property, string value) =>
            options.TryGetValue("build_property." + property, out var actual) && string.Equals(actual, value, StringComparison.OrdinalIgnoreCase);

        /// <summary>An input when the file is a catalog or parameters file.</summary>
        private static InputFile? ToInput(AdditionalText text, AnalyzerConfigOptions options, System.Threading.CancellationToken cancellationToken)
        {
            options.TryGetValue(RoleMetadata, out var metadataRole);
            var role = InputRoles.RoleOf(text.Path, metadataRole);
            return role is null ? null : new InputFile(role, text.Path, text.GetText(cancellationToken)?.ToString() ?? "");
        }
    }
}
