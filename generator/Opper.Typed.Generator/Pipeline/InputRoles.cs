using System;
using System.IO;

namespace Opper.Typed.Generator.Pipeline
{
    /// <summary>Which input an additional file is: by its OpperVideoFile metadata, else by its file name.</summary>
    internal static class InputRoles
    {
        public const string Metadata = "build_metadata.AdditionalFiles.OpperVideoFile";

        public static string? RoleOf(string path, string? metadataRole)
        {
            if (metadataRole == CatalogPipeline.CatalogRole || metadataRole == CatalogPipeline.ParametersRole)
            {
                return metadataRole;
            }

            if (!string.IsNullOrEmpty(metadataRole))
            {
                return null;
            }

            var name = Path.GetFileName(path);
            return string.Equals(name, "videos-models.json", StringComparison.OrdinalIgnoreCase) ? CatalogPipeline.CatalogRole
                : string.Equals(name, "video-parameters.json", StringComparison.OrdinalIgnoreCase) ? CatalogPipeline.ParametersRole
                : null;
        }
    }
}
