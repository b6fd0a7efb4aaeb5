using System.Diagnostics;

namespace Opper.Typed.Testing;

/// <summary>What a child process printed, its two streams apart, and how it ended.</summary>
internal sealed record ChildProcessResult(int Code, string Stdout, string Stderr)
{
    /// <summary>Both streams, for a failure message.</summary>
    public string Output => Stdout + Stderr;
}

/// <summary>
/// Runs a program as its own process with redirected streams (a pipe, not a terminal), the environment given on top
/// of this one's (null removes a variable), both streams read as it runs so neither fills up and blocks it.
/// </summary>
internal static class ChildProcess
{
    public static async Task<ChildProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string? directory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        return new ChildProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
