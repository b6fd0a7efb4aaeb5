using System.Diagnostics;
using Opper.Typed.Testing;

namespace Opper.Typed.Tests.Support;

/// <summary>Runs a sample's built executable as its own process, the way a user starts it, with OPPER_* only as given.</summary>
internal static class SampleProcess
{
    public static async Task<(int Code, string Output)> RunAsync(string sample, string folder, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "samples", sample, "bin", Configuration, "net10.0", sample + ".dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["OPPER_API_KEY"] = null;
        start.Environment["OPPER_BASE_URL"] = null;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
