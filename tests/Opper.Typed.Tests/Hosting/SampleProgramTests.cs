using Opper.Typed.Emulator;
using Opper.Typed.Testing;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Hosting;

/// <summary>The console samples, each run as its own process the way the README tells a user to run it.</summary>
public sealed class SampleProgramTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opper-typed-sample-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ImageToVideo_animates_its_local_png_with_veo_against_the_emulator()
    {
        var (code, output) = await RunAsync("ImageToVideo", new Dictionary<string, string?>());

        Assert.True(code == 0, output);
        Assert.StartsWith("No OPPER_API_KEY set: using the local Opper emulator at http://127.0.0.1:", output);
        Assert.Contains("(vertexai/veo-3.1-fast-generate-001)", output);
        var clip = await File.ReadAllBytesAsync(Path.Combine(_folder, "sample-output", "animated.mp4"));
        Assert.Equal((1280, 720), Mp4Probe.FrameSize(clip));
        Assert.Equal(4.0, Mp4Probe.PlayedSeconds(clip), precision: 2);
    }

    [Fact]
    public async Task ImageToVideo_refuses_a_file_that_is_not_an_image_before_sending()
    {
        // A .png name on text bytes: the sniffer reads the bytes, not the name, so nothing is sent and nothing is paid.
        var notAnImage = Path.Combine(_folder, "notes.png");
        await File.WriteAllTextAsync(notAnImage, "not an image");

        var (code, output) = await RunAsync("ImageToVideo", new Dictionary<string, string?>(), notAnImage);

        Assert.Equal(1, code);
        Assert.Contains("is not a PNG, JPEG, WebP, GIF, MP4 or WebM", output);
        Assert.False(File.Exists(Path.Combine(_folder, "sample-output", "animated.mp4")));
    }

    [Fact]
    public async Task ResumeJob_starts_in_one_process_and_finishes_in_another()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(1) });
        var environment = new Dictionary<string, string?> { ["OPPER_API_KEY"] = emulator.ApiKey, ["OPPER_BASE_URL"] = emulator.BaseAddress.ToString() };

        var (started, id) = await RunAsync("ResumeJob", environment, "start");
        var (resumed, output) = await RunAsync("ResumeJob", environment, "resume");

        Assert.Equal(0, started);
        Assert.Matches(@"^gen_\w+$", id.Trim());
        Assert.True(resumed == 0, output);
        Assert.Contains($"from job {id.Trim()}", output);
        Assert.Equal(8.0, Mp4Probe.PlayedSeconds(await File.ReadAllBytesAsync(Path.Combine(_folder, "sample-output", "resumed.mp4"))), precision: 2);
        Assert.Single(emulator.Requests, r => r.Method == "POST"); // resumed, never submitted twice
    }

    [Theory]
    [InlineData("sample-output/animated.mp4")]
    [InlineData("sample-output/job-id.txt")]
    [InlineData("sample-output/resumed.mp4")]
    [InlineData("sample-output/durable-jobs/jobs.db")]
    [InlineData("sample-output/durable-jobs/balloon.mp4")]
    [InlineData("sample-output/durable-jobs/web-jobs.db")]
    [InlineData("sample-output/durable-jobs/clips/0123456789abcdef0123456789abcdef.mp4")]
    [InlineData("clip.mp4")]
    public async Task What_the_samples_write_in_the_clone_is_ignored_by_git(string path)
    {
        var check = await ChildProcess.RunAsync("git", ["check-ignore", "--no-index", "-q", path], RepositoryPaths.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));

        Assert.True(check.Code == 0, $"{path} is not ignored: {check.Code}");
    }

    private Task<(int Code, string Output)> RunAsync(string sample, Dictionary<string, string?> environment, params string[] args) =>
        SampleProcess.RunAsync(sample, _folder, environment, args);
}
