using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Opper.Typed.Cli.Catalog;
using Spectre.Console;

namespace Opper.Typed.Cli.Commands;

/// <summary><c>models</c>: the catalog as a table on a terminal, tab-separated lines in a pipe, or JSON; from a snapshot or live.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var capability = new Option<string?>("--capability") { Description = "Only models with this capability (video_generation, image_to_video, video_editing)." };
        // Any other word would list nothing and exit 0, as if the catalog had no such models: a usage error names the three.
        capability.AcceptOnlyFromAmong("video_generation", "image_to_video", "video_editing");
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var live = new Option<bool>("--live") { Description = "Read GET /v3/videos/models instead of the snapshot." };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "A snapshot file (default: the one this tool was built with)." };
        var command = context.Connecting(new Command("models", "List the video models.") { capability, json, live, catalog });
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            JsonObject source;
            if (parse.GetValue(live))
            {
                var (client, emulator) = await context.ConnectAsync(parse, allowEmulator: true, cancellationToken);
                await using (emulator)
                using (client)
                {
                    source = await CatalogSnapshotReader.ReadAsync(client, cancellationToken);
                }
            }
            else
            {
                source = parse.GetValue(catalog) is { } file
                    ? CatalogFile.TryRead(file.FullName) ?? throw new FileNotFoundException($"{file.FullName} does not exist.")
                    : CatalogFile.ReadDefault();
            }

            var filter = parse.GetValue(capability);
            var models = CatalogFile.Models(source).Models.Where(m => filter is null || m.Capabilities.Contains(filter)).ToList();
            var classes = CatalogFile.ClassNames(source);
            if (parse.GetValue(json))
            {
                var array = new JsonArray(models.Select(m => (JsonNode)new JsonObject
                {
                    ["id"] = m.Id,
                    ["class"] = classes.GetValueOrDefault(m.Id, ""),
                    ["capabilities"] = new JsonArray(m.Capabilities.Select(c => (JsonNode)c!).ToArray()),
                    ["resolutions"] = new JsonArray((m.Params?.Video?.Resolutions ?? []).Select(r => (JsonNode)r!).ToArray()),
                    ["aspect_ratios"] = new JsonArray((m.Params?.Video?.AspectRatios ?? []).Select(a => (JsonNode)a!).ToArray()),
                    ["max_duration"] = m.Params?.Video?.MaxDuration,
                    ["price_per_second"] = m.Pricing?.PricePerSecond,
                    ["price_per_generation"] = m.Pricing?.PricePerGeneration,
                    ["retired_at"] = m.RetiredAt,
                }).ToArray());
                context.Output.Data.WriteLine(CatalogFile.Format(new JsonObject { ["models"] = array }).TrimEnd());
                return ExitCodes.Ok;
            }

            string[] columns = ["model", "class", "capabilities", "resolutions", "aspect_ratios", "max_seconds", "price", "retired_at"];
            var rows = models.Select(m => new[]
            {
                m.Id,
                classes.GetValueOrDefault(m.Id, ""),
                string.Join(",", m.Capabilities),
                string.Join(",", m.Params?.Video?.Resolutions ?? []),
                string.Join(",", m.Params?.Video?.AspectRatios ?? []),
                m.Params?.Video?.MaxDuration?.ToString(CultureInfo.InvariantCulture) ?? "",
                m.Pricing?.PricePerSecond is { } perSecond ? $"${perSecond.ToString(CultureInfo.InvariantCulture)}/s"
                    : m.Pricing?.PricePerGeneration is { } perClip ? $"${perClip.ToString(CultureInfo.InvariantCulture)}/clip" : "",
                m.RetiredAt ?? "",
            }).ToList();
            if (!context.Output.DataIsTerminal)
            {
                // A pipe or a file: one model per line, tab-separated, whole values, a header naming the columns.
                context.Output.Data.WriteLine(string.Join('\t', columns));
                foreach (var row in rows)
                {
                    context.Output.Data.WriteLine(string.Join('\t', row.Select(value => value.Replace('\t', ' ').Replace('\n', ' '))));
                }

                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Model", "Class", "Capabilities", "Resolutions", "Aspect ratios", "Max s", "Price", "Retired");
            foreach (var row in rows)
            {
                table.AddRow(row.Select(value => new Markup(Markup.Escape(value.Replace(",", ", ", StringComparison.Ordinal)))).ToArray());
            }

            context.Output.Rich.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
