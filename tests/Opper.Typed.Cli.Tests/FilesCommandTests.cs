using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Opper.Typed.Cli.Tests.Support;
using Opper.Typed.Emulator;

namespace Opper.Typed.Cli.Tests;

/// <summary><c>opper-typed files …</c> against the emulator's Files API, and <c>generate</c> with a local image for a model that takes only URLs.</summary>
public sealed class FilesCommandTests : InTempFolder
{
    [Fact]
    public async Task Upload_list_download_and_delete_round_trip_the_bytes()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var image = Path.Combine(Folder, "cat.png");
        var bytes = Png(5000);
        File.WriteAllBytes(image, bytes);

        var upload = await CliRunner.RunAsync(emulator, "files", "upload", image, "--ttl", "600");
        Assert.True(upload.Code == 0, upload.Err);
        var uploaded = Regex.Match(upload.Out, @"^(file_\w+)\t5000\timage/png\n$");
        Assert.True(uploaded.Success, upload.Out);
        var id = uploaded.Groups[1].Value;
        var form = emulator.Requests.Single(r => r.Method == "POST" && r.Path == "/v3/files").Body;
        Assert.Contains("ttl_seconds=600", form);

        var list = await CliRunner.RunAsync(emulator, "files", "list");
        Assert.True(list.Code == 0, list.Err);
        var lines = list.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("id\tbytes\tmime_type\tfilename\tpurpose\texpires_at", lines[0]);
        Assert.Single(lines, line => line.StartsWith($"{id}\t5000\timage/png\tcat.png\treference_media\t", StringComparison.Ordinal));

        var copy = Path.Combine(Folder, "copy.png");
        var download = await CliRunner.RunAsync(emulator, "files", "download", id, "--out", copy);
        Assert.True(download.Code == 0, download.Err);
        Assert.Equal(bytes, File.ReadAllBytes(copy));

        var delete = await CliRunner.RunAsync(emulator, "files", "delete", id);
        Assert.True(delete.Code == 0, delete.Err);
        Assert.Contains($"Deleted {id}.", delete.Err);
        var after = await CliRunner.RunAsync(emulator, "files", "list");
        Assert.DoesNotContain(id, after.Out);
    }

    [Fact]
    public async Task Download_of_an_unknown_file_fails_with_the_APIs_message_and_leaves_no_file()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var target = Path.Combine(Folder, "nothing.png");

        var run = await CliRunner.RunAsync(emulator, "files", "download", "file_doesnotexist", "--out", target);

        Assert.Equal(1, run.Code);
        Assert.Contains("file_doesnotexist", run.Err);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task Upload_of_a_missing_file_is_an_input_error_and_sends_nothing()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunAsync(emulator, "files", "upload", Path.Combine(Folder, "missing.png"));

        Assert.Equal(3, run.Code);
        Assert.Contains("missing.png: file not found", run.Err);
        Assert.DoesNotContain(emulator.Requests, r => r.Path.StartsWith("/v3/files", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xai/grok-imagine-video")]
    [InlineData("pruna/wan-i2v")]
    [InlineData("vertexai/veo-3.1-fast-generate-001")]
    public async Task Generate_with_a_local_image_works_for_every_image_to_video_model(string model)
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
        var image = Path.Combine(Folder, "cat.png");
        File.WriteAllBytes(image, Png(2000));
        var clip = Path.Combine(Folder, "clip.mp4");

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", model, "--prompt", "the cat walks", "--image", image, "--out", clip);

        Assert.True(run.Code == 0, run.Err);
        Assert.Matches(@", stored as file_\w+\n$", run.Out);
        var body = JsonNode.Parse(emulator.Requests.Single(r => r.Method == "POST" && r.Path == "/v3/videos").Body)!;
        var sent = body["image"]!.GetValue<string>();
        // Providers that take no data-URI get the uploaded file's id; Veo takes the bytes inline.
        Assert.Matches(model.StartsWith("vertexai/", StringComparison.Ordinal) ? "^data:image/png;base64," : "^file_\\w+$", sent);
        Assert.True(File.Exists(clip));
    }

    [Fact]
    public async Task Generate_takes_a_file_id_as_the_image()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
        var image = Path.Combine(Folder, "cat.png");
        File.WriteAllBytes(image, Png(2000));
        var id = (await CliRunner.RunAsync(emulator, "files", "upload", image)).Out.Split('\t')[0];

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "pruna/wan-i2v", "--prompt", "the cat walks", "--image", id, "--out", Path.Combine(Folder, "clip.mp4"));

        Assert.True(run.Code == 0, run.Err);
        var body = JsonNode.Parse(emulator.Requests.Single(r => r.Method == "POST" && r.Path == "/v3/videos").Body)!;
        Assert.Equal(id, body["image"]!.GetValue<string>());
    }

    /// <summary>A PNG signature then seeded bytes: the Files API tells the type from the first bytes.</summary>
    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}
