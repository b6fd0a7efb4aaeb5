using Microsoft.Extensions.Time.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Step_by_step_submit_poll_download_writes_a_real_mp4()
    {
        // The emulator's clock is fake: the job is processing until the test moves time on.
        var emulatorClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fx = await EmulatorFixture.StartAsync(e => { e.TimeProvider = emulatorClock; e.JobDuration = TimeSpan.FromMinutes(1); });
        var request = new VideoRequest(LiveModel.Id, "a hot air balloon") { Parameters = { ["durationSeconds"] = 4, ["resolution"] = "720p", ["aspectRatio"] = "9:16" } };

        var job = await fx.Client.SubmitAsync(request);
        Assert.StartsWith("gen_", job.Id);
        Assert.Equal(new Uri(fx.Emulator.BaseAddress, $"v3/artifacts/{job.Id}/status").ToString(), job.StatusUrl);

        var first = await fx.Client.GetStatusAsync(job.Id);
        Assert.Equal(VideoJobState.Processing, first.State);
        Assert.Equal(LiveModel.Id, first.Model);

        emulatorClock.Advance(TimeSpan.FromMinutes(1));
        var done = await fx.Client.WaitForCompletionAsync(job.Id);
        Assert.Equal(VideoJobState.Completed, done.State);
        Assert.Equal("video/mp4", done.MimeType);
        Assert.StartsWith(fx.Emulator.DownloadBaseAddress.ToString(), done.Url);

        var path = fx.PathOf("clip.mp4");
        await fx.Client.DownloadToFileAsync(done, path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(Mp4Probe.HasFtyp(bytes));
        Assert.Equal((720, 1280), Mp4Probe.FrameSize(bytes));
        Assert.Equal(["clip.mp4"], fx.Files());
    }

    [Theory]
    [InlineData("xai/grok-imagine-video", "aspect_ratio", "1:1", "resolution", "480p", 480, 480)]
    [InlineData("vertexai/veo-3.1-fast-generate-001", "aspectRatio", "9:16", "resolution", "1080p", 1080, 1920)]
    [InlineData("pruna/wan-t2v", "aspect_ratio", "16:9", "resolution", "480p", 854, 480)]
    public async Task Clip_frame_size_follows_the_requested_aspect_ratio_and_resolution(string model, string aspectKey, string aspect, string resolutionKey, string resolution, int width, int height)
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var request = new VideoRequest(model, "a cat") { Parameters = { [aspectKey] = aspect, [resolutionKey] = resolution } };

        await fx.Client.GenerateToFileAsync(request, fx.PathOf("clip.mp4"));

        Assert.Equal((width, height), Mp4Probe.FrameSize(await File.ReadAllBytesAsync(fx.PathOf("clip.mp4"))));
    }

    [Fact]
    public async Task GenerateToFile_reports_every_phase_in_order()
    {
        var emulatorClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fx = await EmulatorFixture.StartAsync(e => { e.TimeProvider = emulatorClock; e.JobDuration = TimeSpan.FromMinutes(1); });
        var reports = new List<VideoProgress>();
        var progress = new SyncProgress<VideoProgress>(report =>
        {
            reports.Add(report);
            if (report.Phase == VideoProgressPhase.Processing)
            {
                emulatorClock.Advance(TimeSpan.FromMinutes(1)); // the job finishes once it has been seen running
            }
        });

        var done = await fx.Client.GenerateToFileAsync(LiveModel.Request(), fx.PathOf("clip.mp4"), progress);

        var phases = reports.Select(r => r.Phase).Distinct().ToList();
        Assert.Equal([VideoProgressPhase.Submitted, VideoProgressPhase.Processing, VideoProgressPhase.Completed, VideoProgressPhase.Downloading], phases);
        Assert.Equal(VideoProgressPhase.Completed, reports[^1].Phase);
        Assert.All(reports, r => Assert.Equal(done.Id, r.JobId));
        var last = reports[^1];
        Assert.Equal(new FileInfo(fx.PathOf("clip.mp4")).Length, last.BytesReceived);
        Assert.Equal(last.BytesReceived, last.TotalBytes);
    }

    [Fact]
    public async Task An_existing_file_is_replaced_only_once_the_new_clip_is_whole()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var path = fx.PathOf("clip.mp4");
        await File.WriteAllTextAsync(path, "old");

        await fx.Client.GenerateToFileAsync(LiveModel.Request(), path);

        Assert.True(Mp4Probe.HasFtyp(await File.ReadAllBytesAsync(path)));
        Assert.Equal(["clip.mp4"], fx.Files());
    }

    [Fact]
    public async Task ListModels_reads_the_catalog_with_every_documented_field_and_filters_by_capability()
    {
        await using var fx = await EmulatorFixture.StartAsync();

        var all = await fx.Client.ListModelsAsync();
        var editing = await fx.Client.ListModelsAsync(capability: "video_editing");

        Assert.Equal(all.Models.Count, all.Total);
        Assert.Equal("2026-09-24", Assert.Single(all.Models, m => m.Id == "openai/sora-2").RetiredAt); // still listed, marked retired
        var veo = Assert.Single(all.Models, m => m.Id == "vertexai/veo-3.1-fast-generate-001");
        Assert.Equal("vertexai", veo.Provider);
        Assert.Equal("veo-3.1-fast-generate-001", veo.ModelId);
        Assert.True(veo.SupportsImageInput);
        Assert.Equal(["720p", "1080p"], veo.Params!.Video!.Resolutions);
        Assert.Equal(8, veo.Params.Video.MaxDuration);
        Assert.Equal(0.15m, veo.Pricing!.PricePerSecond);
        Assert.Equal(["pruna/vace"], editing.Models.Select(m => m.Id));
    }

    [Fact]
    public async Task Api_calls_carry_the_bearer_key_and_downloads_do_not()
    {
        await using var fx = await EmulatorFixture.StartAsync();

        await fx.Client.GenerateToFileAsync(LiveModel.Request(), fx.PathOf("clip.mp4"));

        var api = fx.Emulator.Requests.Where(r => r.Host == EmulatorHost.Api).ToList();
        Assert.NotEmpty(api);
        Assert.All(api, r => Assert.Equal("Bearer ***", r.Headers["Authorization"])); // sent, and recorded redacted
        var download = Assert.Single(fx.Requests(EmulatorHost.Download, "GET"));
        Assert.False(download.Headers.ContainsKey("Authorization"));
        Assert.Equal(200, download.ResponseStatus);
    }
}
