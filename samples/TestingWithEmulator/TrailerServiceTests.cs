using System.Text.Json.Nodes;
using Opper.Typed;
using Opper.Typed.Emulator;

namespace TestingWithEmulator;

/// <summary>
/// How to test code that uses Opper.Typed: a real client against an in-process emulator. No key, no network, no cost;
/// the emulator records each request and can fail on purpose.
/// </summary>
public sealed class TrailerServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trailers-").FullName;
    private OpperEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_trailer_is_an_eight_second_vertical_clip()
    {
        using var client = new OpperVideoClient(FastPolling(_emulator.CreateClientOptions()));

        var path = await new TrailerService(client).MakeTrailerAsync("The Lighthouse", _folder);

        Assert.True(new FileInfo(path).Length > 1000);
        var sent = JsonNode.Parse(_emulator.Requests.Single(r => r.Method == "POST").Body)!;
        Assert.Equal("vertexai/veo-3.1-fast-generate-001", (string?)sent["model"]);
        Assert.Equal("""{"durationSeconds":8,"resolution":"720p","aspectRatio":"9:16"}""", sent["parameters"]!.ToJsonString());
    }

    [Fact]
    public async Task A_failed_generation_surfaces_with_its_job_id_and_leaves_no_file()
    {
        await using var failing = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero, FailJobs = true });
        using var client = new OpperVideoClient(FastPolling(failing.CreateClientOptions()));

        var error = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => new TrailerService(client).MakeTrailerAsync("The Lighthouse", _folder));

        Assert.StartsWith("gen_", error.JobId);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    /// <summary>Polls every few milliseconds instead of seconds, so the tests take milliseconds.</summary>
    private static OpperVideoClientOptions FastPolling(OpperVideoClientOptions options)
    {
        options.Polling.FirstPollDelay = TimeSpan.FromMilliseconds(5);
        options.Polling.Interval = TimeSpan.FromMilliseconds(10);
        options.Polling.MaxInterval = TimeSpan.FromMilliseconds(20);
        return options;
    }
}
