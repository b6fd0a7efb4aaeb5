using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Core.Snapshot;
using Opper.Typed.Generator.Pipeline;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>
    /// The project's models, read by the shared snapshot reader exactly as the generator reads them, and only once per
    /// file text: the result is kept beside the catalog's <see cref="SourceText"/> (which the host reuses while the file is
    /// unchanged), not rebuilt per compilation or per syntax node.
    /// </summary>
    internal static class AnalyzerCatalog
    {
        private static readonly ConditionalWeakTable<SourceText, Entry> Cache = new ConditionalWeakTable<SourceText, Entry>();

        /// <summary>The catalog, or null when there is none or it is broken (then the generator reports why, and the rules stay quiet).</summary>
        public static IVideoModelCatalog? Get(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            SourceText? catalog = null;
            SourceText? parameters = null;
            string catalogPath = "", parametersPath = "";
            foreach (var file in options.AdditionalFiles)
            {
                options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(InputRoles.Metadata, out var metadataRole);
                var role = InputRoles.RoleOf(file.Path, metadataRole);
                if (role is null)
                {
                    continue;
                }

                if ((role == CatalogPipeline.CatalogRole && catalog is not null) || (role == CatalogPipeline.ParametersRole && parameters is not null))
                {
                    return null; // two files of one role: OPPER108 from the generator.
                }

                if (role == CatalogPipeline.CatalogRole)
                {
                    catalog = file.GetText(cancellationToken);
                    catalogPath = file.Path;
                }
                else
                {
                    parameters = file.GetText(cancellationToken);
                    parametersPath = file.Path;
                }
            }

            if (catalog is null)
            {
                return null;
            }

            if (Cache.TryGetValue(catalog, out var cached) && cached.Parameters == parameters)
            {
                return cached.Catalog;
            }

            var result = SnapshotReader.Read(new SnapshotText(catalogPath, catalog.ToString()), parameters is null ? null : new SnapshotText(parametersPath, parameters.ToString()));
            var entry = new Entry(parameters, result.HasErrors ? null : new VideoModelCatalog(result.Models));
            Cache.Remove(catalog);
            Cache.Add(catalog, entry);
            return entry.Catalog;
        }

        private sealed class Entry
        {
            public Entry(SourceText? parameters, IVideoModelCatalog? catalog)
            {
                Parameters = parameters;
                Catalog = catalog;
            }

            public SourceText? Parameters { get; }

            public IVideoModelCatalog? Catalog { get; }
        }
    }
}
