using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Generator.Model;
using Opper.Typed.Generator.Parser;

namespace Opper.Typed.Analyzers.Catalog
{
    /// <summary>
    /// The models of the project's catalog snapshot, as the generator sees them. Each file is parsed once per text
    /// (cached by <see cref="SourceTextValueProvider{TValue}"/>), not once per compilation or per syntax node.
    /// </summary>
    internal sealed class ModelCatalog
    {
        public static readonly SourceTextValueProvider<List<CatalogEntry>?> Entries =
            new SourceTextValueProvider<List<CatalogEntry>?>(text => CatalogParser.Parse(new InputFile(CatalogPipeline.CatalogRole, "", text.ToString()), new List<DiagnosticInfo>()));

        public static readonly SourceTextValueProvider<DialectSet?> Dialects =
            new SourceTextValueProvider<DialectSet?>(text => DialectParser.Parse(new InputFile(CatalogPipeline.ParametersRole, "", text.ToString()), new List<DiagnosticInfo>()));

        private readonly Dictionary<string, ModelSpec> _byId;

        private ModelCatalog(IEnumerable<ModelSpec> models) => _byId = models.ToDictionary(m => m.Id, StringComparer.Ordinal);

        public IEnumerable<string> Ids => _byId.Keys;

        public ModelSpec? Find(string id) => _byId.TryGetValue(id, out var model) ? model : null;

        public ModelSpec? FindByClassName(string className) => _byId.Values.FirstOrDefault(m => m.ClassName == className);

        /// <summary>The catalog and parameters texts among the additional files (by role metadata, else by name).</summary>
        public static (SourceText? Catalog, SourceText? Parameters) FindInputs(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            SourceText? catalog = null;
            SourceText? parameters = null;
            foreach (var file in options.AdditionalFiles)
            {
                options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(InputRoles.Metadata, out var metadataRole);
                var role = InputRoles.RoleOf(file.Path, metadataRole);
                if (role == CatalogPipeline.CatalogRole)
                {
                    catalog = file.GetText(cancellationToken);
                }
                else if (role == CatalogPipeline.ParametersRole)
                {
                    parameters = file.GetText(cancellationToken);
                }
            }

            return (catalog, parameters);
        }

        /// <summary>The models, as the generator builds them from the same parse.</summary>
        public static ModelCatalog Build(List<CatalogEntry> entries, DialectSet dialects) =>
            new ModelCatalog(ModelSpecBuilder.Build(entries, dialects, new GeneratorOptions(false), new List<DiagnosticInfo>()));
    }
}
