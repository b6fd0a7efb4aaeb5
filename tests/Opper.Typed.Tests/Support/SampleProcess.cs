using Opper.Typed.Testing;

namespace Opper.Typed.Tests.Support;

/// <summary>Runs a sample's built executable as its own process, the way a user starts it, with OPPER_* only as given.</summary>
internal static class SampleProcess
{
    public static async Task<(int Code, string Output)> RunAsync(string sample, string folder, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "samples", sample, "bin", Configuration, "net10.0", sample + ".dll");
        var run = await ChildProcess.RunAsync("dotnet", [dll, .. args], folder,
            new Dictionary<string, string?>(environment) { ["OPPER_API_KEY"] = environment.GetValueOrDefault("OPPER_API_KEY"), ["OPPER_BASE_URL"] = environment.GetValueOrDefault("OPPER_BASE_URL") },
            TimeSpan.FromMinutes(2));
        return (run.Code, run.Output);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
