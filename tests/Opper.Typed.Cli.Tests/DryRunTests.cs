using System.Text.Json.Nodes;
using Opper.Typed.Cli.Tests.Support;
using Opper.Typed.Emulator;

namespace Opper.Typed.Cli.Tests;

/// <summary><c>generate --dry-run</c>: the body and the cost, and nothing sent.</summary>
public sealed class DryRunTests : InTempFolder
{
    [Fact]
    public async Task A_dry_run_prints_the_wire_body_and_the_estimate_sends_nothing_and_exits_0()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "Tom's cat",
            "--param", "durationSeconds=4", "--out", Path.Combine(Folder, "clip.mp4"), "--dry-run");

        Assert.True(run.Code == 0, run.Err);
        var body = JsonNode.Parse(run.Out)!;
        Assert.Equal("vertexai/veo-3.1-fast-generate-001", (string?)body["model"]);
        Assert.Equal("Tom's cat", (string?)body["prompt"]);
        Assert.Equal("""{"durationSeconds":4}""", body["parameters"]!.ToJsonString());
        Assert.Contains("Estimated cost: 0.60 USD (4 s × 0.15/s). Dry run: nothing was sent.", run.Err);
        Assert.Empty(emulator.Requests);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task A_dry_run_needs_no_key_and_starts_no_emulator()
    {
        var run = await CliRunner.RunAsync(null, "generate", "--model", "pruna/wan-t2v", "--prompt", "a cat", "--out", Path.Combine(Folder, "clip.mp4"), "--dry-run");

        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("Estimated cost: 0.10 USD (0.10/generation)", run.Err);
        Assert.DoesNotContain("emulator", run.Err);
    }

    [Fact]
    public async Task A_dry_run_of_a_bad_request_still_fails_on_its_inputs()
    {
        var run = await CliRunner.RunAsync(null, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat",
            "--param", "durationSeconds=5", "--out", Path.Combine(Folder, "clip.mp4"), "--dry-run");

        Assert.Equal(3, run.Code);
        Assert.Empty(run.Out);
    }
}
