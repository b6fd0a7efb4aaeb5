using System.Linq;
using Opper.Typed.Core;
using Opper.Typed.Core.Snapshot;

namespace Opper.Typed.Generator.Pipeline
{
    /// <summary>From the project's additional files to the snapshot's models: exactly one file per role, then the shared reader.</summary>
    internal static class CatalogPipeline
    {
        public const string CatalogRole = "catalog";
        public const string ParametersRole = "parameters";

        public static SnapshotResult Run(EquatableArray<InputFile> files)
        {
            var catalogs = files.Where(f => f.Role == CatalogRole).ToList();
            var parameters = files.Where(f => f.Role == ParametersRole).ToList();
            if (catalogs.Count > 1)
            {
                return SnapshotReader.Failed(TwoFiles("video catalog (videos-models.json)", catalogs[0], catalogs[1], "OpperVideoCatalog"));
            }

            if (parameters.Count > 1)
            {
                return SnapshotReader.Failed(TwoFiles("video parameters (video-parameters.json)", parameters[0], parameters[1], "OpperVideoParameters"));
            }

            return catalogs.Count == 0
                ? SnapshotReader.Failed()
                : SnapshotReader.Read(catalogs[0].ToSnapshotText(), parameters.FirstOrDefault()?.ToSnapshotText());
        }

        private static SnapshotProblem TwoFiles(string kind, InputFile first, InputFile second, string property) =>
            SnapshotProblem.Create(SnapshotProblemKind.TwoSnapshots, null, kind, first.Path, second.Path, property);
    }
}
