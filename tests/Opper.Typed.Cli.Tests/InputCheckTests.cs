using Opper.Typed.Cli.Tests.Support;
using Opper.Typed.Emulator;

namespace Opper.Typed.Cli.Tests;

/// <summary><c>generate</c> refuses what would fail after the paid POST, before it: every problem at once, in command-line words, exit 3.</summary>
public sealed class InputCheckTests : InTempFolder
{
    [Fact]
    public async Task An_outputFolder_that_does_not_exist_fails_before_any_request()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var path = Path.Combine(Folder, "missing", "dir", "x.mp4");

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--out", path);

        Assert.Equal(3, run.Code);
        Assert.Equal($"error: --out {path}: the folder {Path.GetDirectoryName(path)} does not exist; create it first (mkdir -p {Path.GetDirectoryName(path)}).\n", run.Err);
        Assert.Empty(emulator.Requests); // not even a model list: nothing reached the API
    }

    [Fact]
    public async Task An_output_folder_that_is_a_file_is_named_instead_of_suggesting_mkdir()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var file = Path.Combine(Folder, "afile");
        File.WriteAllText(file, "not a folder");
        var path = Path.Combine(file, "clip.mp4");

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--out", path);

        Assert.Equal(3, run.Code);
        Assert.Equal($"error: --out {path}: {file} is a file, not a folder; give a path in a folder, e.g. --out {Path.Combine(Folder, "clip.mp4")}.\n", run.Err);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task A_data_uri_for_a_provider_that_takes_none_names_the_command_line_routes()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "pruna/wan-i2v", "--prompt", "a cat", "--image", "data:image/png;base64,iVBORw0KGgo=", "--out", Path.Combine(Folder, "x.mp4"));

        Assert.Equal(3, run.Code);
        Assert.Equal("error: --image must be a public http(s) URL or an Opper file id (file_…); got a data-URI (pruna/wan-i2v). " +
            "Pass a local path (--image ./file), which is sent inline or uploaded to Opper Files as the model needs, or a file id from 'opper-typed files upload'.\n", run.Err);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task An_output_path_that_is_aFolder_is_refused()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--out", Folder);

        Assert.Equal(3, run.Code);
        Assert.Contains($"--out {Folder}: is a folder; give a file in it, e.g. --out {Path.Combine(Folder, "clip.mp4")}.", run.Err);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once_in_command_line_words()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var missing = Path.Combine(Folder, "cat.png");

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat",
            "--image", missing, "--param", "seconds=4", "--param", "fps", "--param", "resolution=4k", "--out", Path.Combine(Folder, "x.mp4"));

        Assert.Equal(3, run.Code);
        var lines = run.Err.TrimEnd().Split('\n');
        Assert.Contains($"error: --image {missing}: file not found (give a path to an existing file, an https:// URL, or a file id from 'opper-typed files upload').", lines);
        Assert.Contains("error: --param fps: is not key=value, e.g. --param durationSeconds=4.", lines);
        // Sora's word for Veo's parameter: no edit distance links them, the synonym list does.
        Assert.Contains(lines, line => line.StartsWith("error: --param seconds is not a parameter of vertexai/veo-3.1-fast-generate-001", StringComparison.Ordinal)
            && line.Contains("Did you mean 'durationSeconds'?", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("error: --param resolution ", StringComparison.Ordinal));
        Assert.Equal(4, lines.Length);
        Assert.DoesNotContain("MediaInput", run.Err); // no C# API names on the command line
        Assert.Empty(emulator.Requests);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task A_command_line_the_parser_refuses_exits_2_on_standard_error()
    {
        var run = await CliRunner.RunAsync(null, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--outt", "x.mp4");

        Assert.Equal(2, run.Code);
        Assert.Empty(run.Out);
        Assert.Contains("error: ", run.Err);
        Assert.Contains("See 'opper-typed generate --help'.", run.Err);
    }

    [Fact]
    public async Task A_model_the_snapshot_does_not_know_is_named_with_did_you_mean_before_it_is_sent()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-002", "--prompt", "a cat", "--out", Path.Combine(Folder, "x.mp4"));

        // Sent all the same (the live catalog may be newer), and the emulator, which knows only the snapshot, says 404.
        var warning = run.Err.IndexOf("warning: ", StringComparison.Ordinal);
        Assert.True(warning >= 0, run.Err);
        Assert.Contains("Did you mean 'vertexai/veo-3.1-fast-generate-001'?", run.Err[warning..]);
        Assert.True(warning < run.Err.IndexOf("error: ", StringComparison.Ordinal), run.Err); // the warning comes first
        Assert.Single(emulator.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task With_strict_a_model_the_snapshot_does_not_know_is_refused_and_nothing_is_sent()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-002", "--prompt", "a cat", "--strict", "--out", Path.Combine(Folder, "x.mp4"));

        Assert.Equal(3, run.Code);
        Assert.Contains("Did you mean 'vertexai/veo-3.1-fast-generate-001'?", run.Err);
        Assert.Contains("--strict", run.Err);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task An_unknown_command_points_at_the_roots_help_with_one_space()
    {
        var run = await CliRunner.RunAsync(null, "genrate");

        Assert.Equal(2, run.Code);
        Assert.Contains("See 'opper-typed --help'.", run.Err);
    }

    [Fact]
    public async Task An_unknown_capability_is_a_usage_error_that_names_the_three()
    {
        var run = await CliRunner.RunAsync(null, "models", "--capability", "nonsense");

        Assert.Equal(2, run.Code);
        Assert.Empty(run.Out);
        Assert.Contains("video_generation", run.Err);
        Assert.Contains("image_to_video", run.Err);
        Assert.Contains("video_editing", run.Err);
    }

    [Fact]
    public async Task Catalog_diff_names_the_file_line_and_column_of_bad_json()
    {
        var good = Path.Combine(Folder, "good.json");
        var bad = Path.Combine(Folder, "bad.json");
        File.WriteAllText(good, """{"models":[]}""");
        File.WriteAllText(bad, "{\n  \"models\": [,]\n}");

        var run = await CliRunner.RunAsync(null, "catalog", "diff", good, bad);

        Assert.Equal(1, run.Code);
        Assert.StartsWith($"error: {bad}(2,14): not valid JSON", run.Err);
    }
}
