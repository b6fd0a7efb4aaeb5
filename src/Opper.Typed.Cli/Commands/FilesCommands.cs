using System.CommandLine;
using System.Globalization;
using Opper.Typed.Cli.Jobs;
using Spectre.Console;

namespace Opper.Typed.Cli.Commands;

/// <summary>
/// <c>files upload|list|download|delete</c>: Opper's Files API from the shell, so a local image can be uploaded once and
/// its <c>file_…</c> id passed to any model, and a clip's stored output fetched after its URL has expired.
/// </summary>
internal static class FilesCommands
{
    public static Command Create(CliContext context) => new("files", "Upload, list, download and delete Opper files (file ids work as --image or --video with every model).")
    {
        CreateUpload(context),
        CreateList(context),
        CreateDownload(context),
        CreateDelete(context),
    };

    private static Command CreateUpload(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "The image or video to upload." };
        var purpose = new Option<string?>("--purpose") { Description = "What the file is for (default reference_media: images and videos)." };
        var ttl = new Option<int?>("--ttl") { Description = "Seconds the file lives; may only shorten the default lifetime." };
        var command = context.Connecting(new Command("upload", "Upload a file and print its id (id, bytes and media type, tab-separated).") { path, purpose, ttl });
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            var file = parse.GetValue(path)!;
            if (!File.Exists(file))
            {
                throw new CliInputException([$"{file}: file not found."]);
            }

            if (parse.GetValue(ttl) is <= 0)
            {
                throw new CliInputException([$"--ttl {parse.GetValue(ttl)}: give a positive number of seconds."]);
            }

            var options = new OpperFileUploadOptions
            {
                Purpose = parse.GetValue(purpose) ?? OpperFileUploadOptions.ReferenceMedia,
                TimeToLive = parse.GetValue(ttl) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            using var client = await ConnectAsync(context, parse, cancellationToken);
            var uploaded = await client.Files.UploadAsync(file, options, cancellationToken);
            WriteRecord(context, $"Uploaded {Markup.Escape(file)} as [bold]{uploaded.Id}[/]", uploaded.Id, Invariant(uploaded.Bytes), uploaded.MimeType ?? "");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var command = context.Connecting(new Command("list", "List the organization's files: a table on a terminal, tab-separated lines in a pipe."));
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            using var client = await ConnectAsync(context, parse, cancellationToken);
            string[] columns = ["id", "bytes", "mime_type", "filename", "purpose", "expires_at"];
            var rows = new List<string[]>();
            await foreach (var file in client.Files.ListAsync(cancellationToken))
            {
                rows.Add([file.Id, Invariant(file.Bytes), file.MimeType ?? "", file.Filename ?? "", file.Purpose ?? "",
                    file.ExpiresAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? ""]);
            }

            if (!context.Output.DataIsTerminal)
            {
                context.Output.Data.WriteLine(string.Join('\t', columns));
                foreach (var row in rows)
                {
                    context.Output.Data.WriteLine(string.Join('\t', row.Select(value => value.Replace('\t', ' ').Replace('\n', ' '))));
                }

                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Bytes", "Type", "File name", "Purpose", "Expires");
            foreach (var row in rows)
            {
                table.AddRow(row.Select(value => new Markup(Markup.Escape(value))).ToArray());
            }

            context.Output.Rich.Write(table);
            context.Messages.WriteLine($"{rows.Count} file(s).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateDownload(CliContext context)
    {
        var id = new Argument<string>("file-id") { Description = "The file id, e.g. file_abc123 (a clip's is printed by generate)." };
        var output = new Option<string>("--out") { Description = "Where to write the file; its folder must exist.", Required = true };
        var command = context.Connecting(new Command("download", "Download a file's content; the file appears only when whole.") { id, output });
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            var problems = new List<string>();
            var path = OutputPath.Check(parse.GetValue(output)!, problems) ?? throw new CliInputException(problems);
            using var client = await ConnectAsync(context, parse, cancellationToken);
            await GenerationProgress.RunAsync(context.Messages, progress => client.Files.DownloadToFileAsync(parse.GetValue(id)!, path, progress, cancellationToken));
            WriteRecord(context, Markup.Escape($"Saved {path} ({new FileInfo(path).Length:N0} bytes) from {parse.GetValue(id)}"), path);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateDelete(CliContext context)
    {
        var id = new Argument<string>("file-id") { Description = "The file id, e.g. file_abc123." };
        var command = context.Connecting(new Command("delete", "Delete a file you no longer need (it stops counting against your storage quota).") { id });
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            using var client = await ConnectAsync(context, parse, cancellationToken);
            await client.Files.DeleteAsync(parse.GetValue(id)!, cancellationToken);
            context.Messages.WriteLine($"Deleted {parse.GetValue(id)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Files live on a server that outlasts the command: an in-process emulator would forget them on exit.</summary>
    private static async Task<OpperVideoClient> ConnectAsync(CliContext context, ParseResult parse, CancellationToken cancellationToken) =>
        (await context.ConnectAsync(parse, allowEmulator: false, cancellationToken)).Client;

    /// <summary>One record: marked up on a terminal, its values tab-separated in a pipe.</summary>
    private static void WriteRecord(CliContext context, string markup, params string[] values)
    {
        if (context.Output.DataIsTerminal)
        {
            context.Output.Rich.MarkupLine(markup);
        }
        else
        {
            context.Output.Data.WriteLine(string.Join('\t', values));
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
