using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>The models of a snapshot and the problems found reading it; models are kept only when no error stopped the read.</summary>
    internal sealed record SnapshotResult(EquatableArray<VideoModelSpec> Models, EquatableArray<SnapshotProblem> Problems)
    {
        public bool HasErrors => Problems.Any(p => p.Kind.IsError);
    }

    /// <summary>
    /// From the catalog snapshot and the parameters file to the models: the whole read, never throwing. The generator
    /// runs it at build time, the analyzer once per file text, and the runtime's <c>VideoModelCatalog.Parse</c> at run time.
    /// </summary>
    internal static class SnapshotReader
    {
        public static SnapshotResult Read(SnapshotText catalog, SnapshotText? parameters)
        {
            var problems = new List<SnapshotProblem>();
            var entries = CatalogParser.Parse(catalog, problems);
            var dialects = parameters is null ? new DialectSet() : DialectParser.Parse(parameters, problems);
            if (entries is null || dialects is null)
            {
                return Result(new List<VideoModelSpec>(), problems);
            }

            return Result(ModelSpecBuilder.Build(entries, dialects, problems), problems);
        }

        public static SnapshotResult Failed(params SnapshotProblem[] problems) => Result(new List<VideoModelSpec>(), problems.ToList());

        private static SnapshotResult Result(List<VideoModelSpec> models, List<SnapshotProblem> problems) =>
            new SnapshotResult(models.ToEquatableArray(), problems.ToEquatableArray());
    }
}
