using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Opper.Typed.Cli.Jobs;

/// <summary>
/// Shows a job's progress on standard error: on a terminal one live status line (state, elapsed time, then bytes
/// downloaded); otherwise one plain line per poll, so a log shows what happened and when.
/// </summary>
internal static class GenerationProgress
{
    public static async Task RunAsync(IAnsiConsole console, Func<IProgress<VideoProgress>, Task> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            await work(new Lines(console));
            return;
        }

        var latest = new Latest();
        await console.Status().StartAsync("Waiting for the job", async status =>
        {
            var clock = Stopwatch.StartNew();
            var running = work(latest);
            while (await Task.WhenAny(running, Task.Delay(250)) != running)
            {
                status.Status = Markup.Escape(Describe(latest.Value, clock.Elapsed));
            }

            await running;
        });
    }

    /// <summary>The live status line: the latest report and the time since the command started waiting.</summary>
    internal static string Describe(VideoProgress? progress, TimeSpan elapsed)
    {
        var clock = elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        return progress switch
        {
            { Phase: VideoProgressPhase.Downloading } p => $"{p} ({clock})",
            { Status: { Length: > 0 } state, RemainingText: { } left } p => $"Job {p.JobId}: {state} ({clock}, {left})",
            { Status: { Length: > 0 } state } p => $"Job {p.JobId}: {state} ({clock})",
            _ => $"Waiting for the job ({clock})",
        };
    }

    /// <summary>Every report but the stream of download chunks, one line each; VideoProgress.ToString says what happened.</summary>
    private sealed class Lines(IAnsiConsole console) : IProgress<VideoProgress>
    {
        public void Report(VideoProgress value)
        {
            if (value.Phase != VideoProgressPhase.Downloading)
            {
                console.WriteLine(value.ToString().Trim());
            }
        }
    }

    private sealed class Latest : IProgress<VideoProgress>
    {
        private VideoProgress? _value;

        public VideoProgress? Value => Volatile.Read(ref _value);

        public void Report(VideoProgress value) => Volatile.Write(ref _value, value);
    }
}
