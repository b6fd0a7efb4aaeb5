using System.Collections.Generic;
using System.Linq;
using Opper.Typed.Core.Snapshot.Json;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>Reads <c>videos-models.json</c>, the verbatim snapshot of <c>GET /v3/videos/models</c>.</summary>
    internal static class CatalogParser
    {
        /// <summary>The fields the API documents as required on every model.</summary>
        private static readonly string[] RequiredFields =
        {
            "id", "type", "provider", "provider_display_name", "name", "model_id", "description",
            "capabilities", "speed", "quality", "cost", "context_window",
        };

        /// <summary>The models, or null when the file cannot be read at all (the diagnostics say why).</summary>
        public static List<CatalogEntry>? Parse(SnapshotText file, List<SnapshotProblem> problems)
        {
            var lines = new LineMap(file.Path, file.Text);
            var root = JsonFile.Read(file, lines, SnapshotProblemKind.CatalogNotJson, problems);
            if (root is null)
            {
                return null;
            }

            var models = root["models"];
            if (root.Kind != JsonKind.Object || models is null || models.Kind != JsonKind.Array)
            {
                problems.Add(SnapshotProblem.Create(SnapshotProblemKind.CatalogShapeInvalid, lines.Span(root.Start, root.Start + 1), file.Path, "expected an object with a \"models\" array"));
                return null;
            }

            var entries = new List<CatalogEntry>();
            var seen = new HashSet<string>();
            foreach (var item in models.Items)
            {
                var span = lines.Span(item.Start, item.Start + 1);
                if (item.Kind != JsonKind.Object)
                {
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.CatalogShapeInvalid, span, file.Path, "every entry of \"models\" must be an object"));
                    continue;
                }

                var id = item["id"]?.AsString();
                var missing = RequiredFields.Where(field => item[field] is null || item[field]!.IsNull).ToList();
                if (missing.Count > 0 || string.IsNullOrWhiteSpace(id) || item["capabilities"]!.Kind != JsonKind.Array)
                {
                    var missingText = missing.Count > 0 ? string.Join(", ", missing) : "id (a string) and capabilities (an array)";
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.ModelMissingField, span, id is null ? $"#{entries.Count + 1}" : $"'{id}'", missingText));
                    continue;
                }

                if (!seen.Add(id!))
                {
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.DuplicateModelId, span, id!));
                    continue;
                }

                entries.Add(ReadEntry(item, id!, span, problems));
            }

            return entries;
        }

        private static CatalogEntry ReadEntry(JsonValue item, string id, FileSpan span, List<SnapshotProblem> problems)
        {
            var entry = new CatalogEntry
            {
                Id = id,
                Provider = item["provider"]?.AsString() ?? "",
                Name = item["name"]?.AsString() ?? id,
                Description = item["description"]?.AsString() ?? "",
                RetiredAt = item["retired_at"]?.AsString(),
                Successor = item["successor"]?.AsString(),
                Span = span,
            };

            foreach (var capability in item["capabilities"]!.Items.Select(c => c.AsString()).Where(c => c is not null))
            {
                if (entry.Capabilities.Contains(capability!))
                {
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.DuplicateEntry, span, $"Capability '{capability}'", $"model '{id}'"));
                }
                else if (VideoCapabilities.IsKnown(capability!))
                {
                    entry.Capabilities.Add(capability!);
                }
                else
                {
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.UnknownCapability, span, id, capability!));
                }
            }

            var pricing = item["pricing"];
            entry.PricePerSecond = pricing?["price_per_second"]?.AsNumber();
            entry.PricePerGeneration = pricing?["price_per_generation"]?.AsNumber();

            var video = item["params"]?["video"];
            if (video is not null)
            {
                entry.AspectRatios.AddRange(Strings(video["aspect_ratios"]));
                entry.Resolutions.AddRange(Strings(video["resolutions"]));
                entry.MaxDuration = video["max_duration"]?.AsNumber();
            }

            return entry;
        }

        private static IEnumerable<string> Strings(JsonValue? array) =>
            array is null ? Enumerable.Empty<string>() : array.Items.Select(v => v.AsString()).Where(s => s is not null).Select(s => s!);
    }
}
