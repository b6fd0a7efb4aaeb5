using System.Text.Json.Nodes;
using Opper.Typed.Emulator;
using Opper.Typed.Testing;
using Opper.Typed.Cli.Tests.Support;

namespace Opper.Typed.Cli.Tests;

/// <summary>The opper-typed commands, run in-process against the emulator with a captured console and environment.</summary>
public sealed class CliTests : InTempFolder
{
    [Fact]
    public async Task Catalog_pull_writes_the_snapshot_prints_the_diff_and_check_reports_staleness()
    {
        var served = Catalog();
        var model = served["models"]!.AsArray().Single(m => (string?)m!["id"] == "xai/grok-imagine-video")!.DeepClone().AsObject();
        model["id"] = "xai/grok-imagine-video-1.5";
        served["models"]!.AsArray().Add(model);
        served["models"]!.AsArray().Single(m => (string?)m!["id"] == "pruna/vace")!["retired_at"] = "2026-11-01";
        var servedPath = Path.Combine(Folder, "served.json");
        File.WriteAllText(servedPath, served.ToJsonString());
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { CatalogPath = servedPath });
        var snapshot = Path.Combine(Folder, "schema", "videos-models.json");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        File.Copy(RepositoryPaths.Schema("videos-models.json"), snapshot);

        var pull = await CliRunner.RunAsync(emulator, "catalog", "pull", "--out", snapshot);
        var upToDate = await CliRunner.RunAsync(emulator, "catalog", "pull", "--out", snapshot, "--check");
        File.WriteAllText(snapshot, File.ReadAllText(RepositoryPaths.Schema("videos-models.json")));
        var stale = await CliRunner.RunAsync(emulator, "catalog", "pull", "--out", snapshot, "--check");

        Assert.Equal(0, pull.Code);
        Assert.Contains("+ added    xai/grok-imagine-video-1.5 -> GrokImagineVideo15Request", pull.Out);
        Assert.Contains("! retired  pruna/vace on 2026-11-01 -> VaceRequest becomes [Obsolete]", pull.Out);
        Assert.Contains("Wrote ", pull.Err);
        Assert.Equal(0, upToDate.Code);
        Assert.Contains("is up to date", upToDate.Err);
        Assert.Equal(1, stale.Code);
        Assert.Contains("is stale", stale.Err);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")), File.ReadAllText(snapshot)); // --check wrote nothing
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(snapshot)!)); // no temp file left behind
    }

    [Fact]
    public async Task Catalog_pull_check_on_a_missing_snapshot_says_it_is_missing_instead_of_listing_every_model()
    {
        var missing = Path.Combine(Folder, "schema", "videos-models.json");

        var run = await CliRunner.RunAsync(null, "catalog", "pull", "--out", missing, "--check");

        Assert.Equal(1, run.Code);
        Assert.Empty(run.Out); // no "+ added" line per model
        Assert.Equal($"{missing} does not exist: nothing to check. Give the snapshot's path with --out, or write it first: opper-typed catalog pull --out {missing}\n", run.Err);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Pull_writes_exactly_what_the_server_serves_with_stable_formatting()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var snapshot = Path.Combine(Folder, "pulled.json");

        await CliRunner.RunAsync(emulator, "catalog", "pull", "--out", snapshot);

        var pulled = JsonNode.Parse(File.ReadAllText(snapshot))!;
        Assert.True(JsonNode.DeepEquals(Catalog()["models"], pulled["models"]));
        Assert.Equal(["models"], pulled.AsObject().Select(p => p.Key)); // nothing of the paging (total, offset, limit) that fetched it
        Assert.Equal(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")), File.ReadAllText(snapshot)); // the checked-in snapshot is a pull
        Assert.EndsWith("}\n", File.ReadAllText(snapshot));
        Assert.Contains("\n  \"models\": [\n", File.ReadAllText(snapshot));
    }

    [Fact]
    public async Task Catalog_diff_reports_added_removed_and_changed_models_with_their_classes()
    {
        var before = Catalog();
        var after = Catalog();
        after["models"]!.AsArray().Remove(after["models"]!.AsArray().Single(m => (string?)m!["id"] == "pruna/vace"));
        after["models"]!.AsArray().Single(m => (string?)m!["id"] == "xai/grok-imagine-video")!["params"]!["video"]!["resolutions"]!.AsArray().Add("1080p");
        var (old, @new) = (Path.Combine(Folder, "old.json"), Path.Combine(Folder, "new.json"));
        File.WriteAllText(old, before.ToJsonString());
        File.WriteAllText(@new, after.ToJsonString());

        var run = await CliRunner.RunAsync(null, "catalog", "diff", old, @new);

        Assert.Equal(0, run.Code);
        Assert.Contains("- removed  pruna/vace -> VaceRequest no longer generated", run.Out);
        Assert.Contains("~ changed  xai/grok-imagine-video -> GrokImagineVideoRequest: resolutions +1080p", run.Out);
    }

    [Fact]
    public async Task Generate_writes_the_clip_atomically_and_reports_size_and_duration()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
        var clip = Path.Combine(Folder, "clip.mp4");

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat",
            "--param", "durationSeconds=4", "--param", "resolution=720p", "--param", "aspectRatio=9:16", "--out", clip);

        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("Submitted job gen_", run.Err);      // progress: standard error
        Assert.Contains("Downloaded 20,618 bytes", run.Err);
        Assert.Matches($@"^Saved {System.Text.RegularExpressions.Regex.Escape(clip)} \(20,618 bytes, 4\.0 s\) from job gen_\w+, stored as file_\w+\n$", run.Out); // the result: standard output
        var body = JsonNode.Parse(emulator.Requests.Single(r => r.Method == "POST").Body)!;
        Assert.Equal("""{"durationSeconds":4,"resolution":"720p","aspectRatio":"9:16"}""", body["parameters"]!.ToJsonString()); // 4 a number, as Veo's dialect says
        Assert.Equal(["clip.mp4"], Directory.GetFiles(Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_bad_request_is_one_line_with_the_fix_exit_1_and_nothing_sent()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-generate-001", "--prompt", "a cat", "--param", "duration_seconds=4", "--out", Path.Combine(Folder, "x.mp4"));

        Assert.Equal(3, run.Code);
        Assert.StartsWith("error: --param duration_seconds is not a parameter of vertexai/veo-3.1-generate-001", run.Err);
        Assert.Contains("Did you mean 'durationSeconds'?", run.Err);
        Assert.DoesNotContain(" at ", run.Err); // no stack trace without --verbose
        Assert.Empty(run.Out);
        Assert.Empty(emulator.Requests);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task Without_a_key_generate_uses_the_emulator_and_says_so_unless_told_not_to()
    {
        var clip = Path.Combine(Folder, "clip.mp4");

        var run = await CliRunner.RunAsync(null, "generate", "--model", "pruna/wan-t2v", "--prompt", "a cat", "--out", clip);
        var refused = await CliRunner.RunAsync(null, "generate", "--model", "pruna/wan-t2v", "--prompt", "a cat", "--out", clip, "--no-emulator");

        Assert.Equal(0, run.Code);
        Assert.StartsWith("No OPPER_API_KEY set: using the local Opper emulator at http://127.0.0.1:", run.Err);
        Assert.Equal(1, refused.Code);
        Assert.Contains("set OPPER_API_KEY", refused.Err);
    }

    [Fact]
    public async Task Models_lists_the_snapshot_as_json_filtered_by_capability()
    {
        var run = await CliRunner.RunAsync(null, "models", "--capability", "video_editing", "--json");

        Assert.Equal(0, run.Code);
        var models = JsonNode.Parse(run.Out)!["models"]!.AsArray();
        var vace = Assert.Single(models)!;
        Assert.Equal("pruna/vace", (string?)vace["id"]);
        Assert.Equal("VaceRequest", (string?)vace["class"]);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await CliRunner.RunAsync(null, "--help");

        Assert.Equal(0, run.Code);
        foreach (var command in new[] { "generate", "status", "download", "models", "catalog", "emulator" })
        {
            Assert.Contains(command, run.Out);
        }
    }

    private static JsonObject Catalog() => JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")))!.AsObject();
}
