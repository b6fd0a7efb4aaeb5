using System.Text.Json;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>samples/DurableJobs as its README tells a user to try it: run, kill it while it waits, run it again.</summary>
public sealed class DurableJobsSampleTests
{
    [Fact]
    public async Task Killed_while_it_waits_and_started_again_the_sample_saves_the_clip_from_its_one_POST()
    {
        using var folder = new TempFolder();
        var noKey = new Dictionary<string, string> { ["OPPER_API_KEY"] = "", ["OPPER_BASE_URL"] = "" };
        await using (var first = RunningProcess.Start("samples/DurableJobs", folder.Path, noKey))
        {
            await first.LineAsync(line => line.Contains("Waiting (Opper job gen_", StringComparison.Ordinal), "the job waiting at Opper", TimeSpan.FromSeconds(90));
            await first.KillAsync();
            Assert.Contains("using the local Opper emulator", first.Output);
            // The README's crash steps kill the app by the PID it prints, not `dotnet run` (whose SIGKILL orphans the app).
            Assert.Matches(@"Worker PID (\d+): kill -9 \1 to try a crash", first.Output);
        }

        await using var again = RunningProcess.Start("samples/DurableJobs", folder.Path, noKey);
        var code = await again.ExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(code == 0, again.Output);
        Assert.Contains("going on with it, nothing is sent again", again.Output);
        Assert.Contains("Saved ", again.Output);
        var clip = await File.ReadAllBytesAsync(Path.Combine(folder.Path, "sample-output", "durable-jobs", "balloon.mp4"));
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(clip, 4, 4));
        // The emulator keeps every job it created in its state file: one job, so one POST, across both runs.
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "sample-output", "durable-jobs", "emulator.json")));
        Assert.Equal(1, state.RootElement.GetArrayLength());
    }
}
