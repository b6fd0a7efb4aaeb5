using System.CommandLine;
using System.Globalization;
using Opper.Typed.Emulator;
using Spectre.Console;

namespace Opper.Typed.Cli.Jobs;

/// <summary>
/// Follows a submitted job to its file, for <c>generate</c> and <c>download</c> alike: progress on standard error, the
/// saved path on standard output, and on any failure or Ctrl+C the command that resumes the job, because it keeps
/// running and is billed.
/// </summary>
internal static class JobDownload
{
    public static async Task RunAsync(CliContext context, ParseResult parse, VideoGenerationOperation operation, string path, OpperEmulator? emulator, CancellationToken cancellationToken)
    {
        try
        {
            await GenerationProgress.RunAsync(context.Messages, progress => operation.DownloadToFileAsync(path, progress, cancellationToken));
        }
        catch (Exception exception) when (Resumable(exception))
        {
            throw new CliResumableException(FollowUp(parse, context, operation.Id, path, emulator), exception);
        }

        var (size, seconds) = Measure(path);
        // Opper keeps the output as a file (unless store was off): its id feeds an edit or a later download after the URL's hour.
        var stored = operation.FileId is { } fileId ? $", stored as {fileId}" : "";
        var line = string.Create(CultureInfo.InvariantCulture, $"Saved {path} ({size:N0} bytes{(seconds is { } s ? $", {s:0.0} s" : "")}) from job {operation.Id}{stored}");
        if (context.Output.DataIsTerminal)
        {
            context.Output.Rich.MarkupLineInterpolated($"[green]{line}[/]");
        }
        else
        {
            context.Output.Data.WriteLine(line);
        }
    }

    /// <summary>
    /// The clip's size, and its length as its movie header states it: found by walking the boxes with the client's own
    /// reader, from the file and without loading it, so bytes that spell "mvhd" inside the media data never count.
    /// </summary>
    internal static (long Size, double? Seconds) Measure(string path)
    {
        using var file = File.OpenRead(path);
        return (file.Length, Mp4Timing.OfMovie(file)?.Seconds);
    }

    /// <summary>
    /// Failures after which the job may still finish: cancelled, interrupted, timed out, or a server or rate-limit error.
    /// A failed job, an unknown id or a refused key would fail the same way again.
    /// </summary>
    private static bool Resumable(Exception exception) => exception switch
    {
        VideoGenerationFailedException => false,
        OpperApiException api => (int)api.Status >= 500 || api.Status is System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.RequestTimeout,
        _ => true,
    };

    /// <summary>The line that picks the job up again: the <c>download</c> command, or why there is none (the emulator's jobs end with it).</summary>
    public static string FollowUp(ParseResult parse, CliContext context, string jobId, string path, OpperEmulator? emulator)
    {
        if (emulator is not null)
        {
            return $"Job {jobId} ran on the local emulator, which stops with this command; run it again to start over.";
        }

        var baseUrl = parse.GetValue(context.BaseUrl);
        var command = $"opper-typed download {Quote(jobId)} --out {Quote(path)}{(baseUrl is null ? "" : $" --base-url {Quote(baseUrl)}")}";
        return $"Job {jobId} keeps running (and is billed). Resume it with:{Environment.NewLine}  {command}";
    }

    /// <summary>A word as the user's shell reads it back: bare when safe, else quoted (POSIX shells, or Windows' double quotes).</summary>
    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "/._-:~+".Contains(c) || (c == '\\' && OperatingSystem.IsWindows())) ? value
            : OperatingSystem.IsWindows() ? $"\"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
