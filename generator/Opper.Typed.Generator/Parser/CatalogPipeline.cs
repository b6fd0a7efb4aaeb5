using System.Collections.Generic;
using System.Linq;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Generator.Parser
{
    /// <summary>From the input files to the models to emit: the whole parse, never throwing.</summary>
    internal static class CatalogPipeline
    {
        public const string CatalogRole = "catalog";
        public const string ParametersRole = "parameters";

        public static CatalogResult Run(EquatableArray<InputFile> files, GeneratorOptions options)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var catalog = Single(files, CatalogRole, "OpperVideoCatalog", diagnostics);
            var parameters = Single(files, ParametersRole, "OpperVideoParameters", diagnostics);
            if (catalog is null || diagnostics.Count > 0)
            {
                return Result(new List<ModelSpec>(), diagnostics);
            }

            var entries = CatalogParser.Parse(catalog, diagnostics);
            var dialects = parameters is null ? new DialectSet() : DialectParser.Parse(parameters, diagnostics);
            if (entries is null || dialects is null)
            {
                return Result(new List<ModelSpec>(), diagnostics);
            }

            return Result(ModelSpecBuilder.Build(entries, dialects, options, diagnostics), diagnostics);
        }

        private static InputFile? Single(EquatableArray<InputFile> files, string role, string property, List<DiagnosticInfo> diagnostics)
        {
            var matches = files.Where(f => f.Role == role).ToList();
            if (matches.Count > 1)
            {
                var kind = role == CatalogRole ? "video catalog (videos-models.json)" : "video parameters (video-parameters.json)";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TwoSnapshots, null, kind, matches[0].Path, matches[1].Path, property));
                return null;
            }

            return matches.FirstOrDefault();
        }

        private static CatalogResult Result(List<ModelSpec> models, List<DiagnosticInfo> diagnostics) =>
            new CatalogResult(models.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
