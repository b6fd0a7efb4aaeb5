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
    public async Task ImageToVideo_animates_its_local_png_with_sora_against_the_emulator()
    {
        var (code, output) = await RunAsync("ImageToVideo", new Dictionary<string, string?>());

        Assert.True(code == 0, output);
        Assert.StartsWith("No OPPER_API_KEY set: using the local Opper emulator at http://127.0.0.1:", output);
        var clip = await File.ReadAllBytesAsync(Path.Combine(_folder, "sample-output", "animated.mp4"));
        Assert.Equal((1280, 720), Mp4Probe.FrameSize(clip));
        Assert.Equal(4.0, Mp4Probe.PlayedSeconds(clip), precision: 2);
    }

    [Fact]
    public async Task ImageToVideo_refuses_an_image_of_the_wrong_size_before_sending()
    {
        // The sample's own PNG with its header (IHDR) saying 640x480: what the size check reads.
        var png = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "samples", "ImageToVideo", "first-frame.png"));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 640);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 480);
        var wrongSize = Path.Combine(_folder, "small.png");
        await File.WriteAllBytesAsync(wrongSize, png);

        var (code, output) = await RunAsync("ImageToVideo", new Dictionary<string, string?>(), wrongSize);

        Assert.Equal(1, code);
        Assert.Contains("'image'", output);
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
