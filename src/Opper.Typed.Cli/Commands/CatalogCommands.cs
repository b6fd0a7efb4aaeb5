using System.CommandLine;
using Spectre.Console;
using Opper.Typed.Cli.Catalog;

namespace Opper.Typed.Cli.Commands;

/// <summary><c>catalog pull</c> (fetch every page, write atomically, print what changed; <c>--check</c> for CI) and <c>catalog diff</c>.</summary>
internal static class CatalogCommands
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The snapshot to write.", DefaultValueFactory = _ => Path.Combine("schema", "videos-models.json") };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the snapshot is stale (for CI)." };
        var pull = context.Connecting(new Command("pull", "Fetch GET /v3/videos/models (all pages) into the snapshot and print what changed.") { output, check });
        pull.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            var path = parse.GetValue(output)!;
            if (parse.GetValue(check) && !File.Exists(path))
            {
                // Not "stale, every model added": there is nothing to compare, and the likely cause is the path itself.
                context.Messages.MarkupLineInterpolated($"[red]{path} does not exist[/]: nothing to check. Give the snapshot's path with --out, or write it first: opper-typed catalog pull --out {path}");
                return ExitCodes.Error;
            }

            var (client, emulator) = await context.ConnectAsync(parse, allowEmulator: false, cancellationToken);
            await using (emulator)
            using (client)
            {
                var fresh = await CatalogSnapshotReader.ReadAsync(client, cancellationToken);
                var previous = CatalogFile.TryRead(path);
                var text = CatalogFile.Format(fresh);
                var stale = !File.Exists(path) || File.ReadAllText(path) != text;
                var changes = CatalogDiff.Compare(previous, fresh);
                if (stale && changes.Count == 0 && previous is not null)
                {
                    // Every change written is reported, even one no model shows (formatting, fields beside "models").
                    changes = ["~ text     same models; the file's formatting or its fields outside \"models\" change"];
                }

                Report(context.Output.Data, changes);
                if (parse.GetValue(check))
                {
                    if (stale)
                    {
                        context.Messages.MarkupLineInterpolated($"[red]{path} is stale[/]: run opper-typed catalog pull");
                    }
                    else
                    {
                        context.Messages.MarkupLineInterpolated($"{path} is up to date");
                    }

                    return stale ? ExitCodes.Error : ExitCodes.Ok;
                }

                CatalogFile.WriteAtomically(path, text);
                context.Messages.MarkupLineInterpolated($"Wrote {path} ({CatalogFile.Models(fresh).Models.Count} models). Rebuild to regenerate the typed classes.");
                return ExitCodes.Ok;
            }
        }));

        var older = new Argument<FileInfo>("old") { Description = "The earlier snapshot." };
        var newer = new Argument<FileInfo>("new") { Description = "The later snapshot." };
        var diff = new Command("diff", "Print what changed between two snapshots.") { older, newer };
        diff.SetAction((parse, _) => OpperCli.Guard(context, parse, () =>
        {
            var before = CatalogFile.TryRead(parse.GetValue(older)!.FullName) ?? throw new FileNotFoundException($"{parse.GetValue(older)!.FullName} does not exist.");
            var after = CatalogFile.TryRead(parse.GetValue(newer)!.FullName) ?? throw new FileNotFoundException($"{parse.GetValue(newer)!.FullName} does not exist.");
            Report(context.Output.Data, CatalogDiff.Compare(before, after));
            return Task.FromResult(0);
        }));

        return new Command("catalog", "Pull and diff catalog snapshots.") { pull, diff };
    }

    private static void Report(TextWriter output, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            output.WriteLine("No changes.");
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }
}
