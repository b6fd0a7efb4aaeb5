using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Operations;

/// <summary>A job is an object: started, rehydrated from its id anywhere, waited for, downloaded or streamed.</summary>
public sealed class OperationTests
{
    [Fact]
    public async Task An_operation_picked_up_by_id_polls_at_once_without_waiting_the_first_poll_delay()
    {
        // A clock that never moves and a first-poll delay of an hour: only a poll made at once can finish this wait.
        await using var fx = await EmulatorFixture.StartAsync(
            e => e.JobDuration = TimeSpan.Zero,
            c => { c.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow); c.Polling.FirstPollDelay = TimeSpan.FromHours(1); });
        var id = (await fx.Client.SubmitAsync(LiveModel.Request())).Id;

        var done = await fx.Client.GetGenerationOperation(id).WaitForCompletionAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(VideoJobState.Completed, done.State);
        Assert.Single(fx.Requests(EmulatorHost.Api, "GET"));
    }

    [Fact]
    public async Task A_job_outlives_its_client_and_is_streamed_by_a_new_client_from_its_id_alone()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        string id;
        using (var first = new OpperVideoClient(EmulatorFixture.FastPolling(emulator.CreateClientOptions())))
        {
            var started = await first.StartGenerationAsync(new VideoRequest(LiveModel.Id, "a cat") { Parameters = { ["resolution"] = "720p" } });
            id = started.Id;
            Assert.Null(started.Status);
            Assert.False(started.HasCompleted);
        } // the process "dies": nothing but the id survives

        using var second = new OpperVideoClient(EmulatorFixture.FastPolling(emulator.CreateClientOptions()));
        var requestsBefore = emulator.Requests.Count;
        var operation = second.GetGenerationOperation(id);
        Assert.Equal(requestsBefore, emulator.Requests.Count); // rehydrating makes no call
        Assert.Equal(id, operation.Id);
        Assert.Null(operation.Status);

        using var clip = new MemoryStream();
        await using (var stream = await operation.OpenReadAsync())
        {
            await stream.CopyToAsync(clip);
        }

        Assert.True(operation.HasCompleted);
        Assert.Equal(VideoJobState.Completed, operation.Status?.State);
        var bytes = clip.ToArray();
        Assert.True(Mp4Probe.HasFtyp(bytes));
        Assert.Equal((1280, 720), Mp4Probe.FrameSize(bytes));
        var download = Assert.Single(emulator.Requests, r => r.Host == EmulatorHost.Download);
        Assert.False(download.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task OpenRead_refreshes_an_expired_url_by_polling_again()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => { e.Faults.FirstUrlExpired = true; e.JobDuration = TimeSpan.Zero; });
        var operation = await fx.Client.StartGenerationAsync(LiveModel.Request());

        await using var stream = await operation.OpenReadAsync();
        using var clip = new MemoryStream();
        await stream.CopyToAsync(clip);

        Assert.Equal([403, 200], fx.Requests(EmulatorHost.Download, "GET").Select(r => r.ResponseStatus));
        Assert.True(Mp4Probe.HasFtyp(clip.ToArray()));
        Assert.Equal(clip.Length, stream.Length);
    }

    [Fact]
    public async Task UpdateStatus_polls_once_and_remembers_what_it_saw()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.JobDuration = TimeSpan.FromHours(1));
        var operation = await fx.Client.StartGenerationAsync(LiveModel.Request());

        var status = await operation.UpdateStatusAsync();

        Assert.Same(status, operation.Status);
        Assert.Equal(VideoJobState.Processing, status.State);
        Assert.False(operation.HasCompleted);
        Assert.Equal(operation.Id, status.Id);
        Assert.Single(fx.Requests(EmulatorHost.Api, "GET"));
    }

    [Fact]
    public async Task A_failed_job_is_returned_by_UpdateStatus_and_thrown_by_WaitForCompletion()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => { e.FailJobs = true; e.JobDuration = TimeSpan.Zero; });
        var operation = await fx.Client.StartGenerationAsync(LiveModel.Request());

        var status = await operation.UpdateStatusAsync();
        var error = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => operation.WaitForCompletionAsync());

        Assert.Equal(VideoJobState.Failed, status.State);
        Assert.True(operation.HasCompleted);
        Assert.Equal(operation.Id, error.JobId);
    }

    [Fact]
    public async Task DownloadToFile_waits_then_writes_the_clip()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var operation = await fx.Client.StartGenerationAsync(LiveModel.Request());

        await operation.DownloadToFileAsync(fx.PathOf("clip.mp4"));

        Assert.True(Mp4Probe.HasFtyp(await File.ReadAllBytesAsync(fx.PathOf("clip.mp4"))));
        Assert.Equal(["clip.mp4"], fx.Files());
    }
}
