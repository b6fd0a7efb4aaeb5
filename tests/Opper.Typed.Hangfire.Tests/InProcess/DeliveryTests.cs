using System.Collections.Concurrent;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>The happy paths in one process: a job goes from the queue to a whole clip at its destination with one POST.</summary>
public sealed class DeliveryTests
{
    private static Veo31FastGenerate001Request Balloon() => new("a hot air balloon drifting over green hills at dawn")
    {
        DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
        Resolution = Veo31FastGenerate001Resolution.Resolution720p,
        AspectRatio = Veo31FastGenerate001AspectRatio.AspectRatio16x9,
    };

    [Fact]
    public async Task A_job_is_submitted_once_checked_on_a_schedule_and_downloaded_whole()
    {
        // 2 s, not less: on a busy 2-core CI machine a first check was once 600 ms late, and a single check proves no schedule.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(2) });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage());

        var key = await host.Scheduler.EnqueueAsync(Balloon(), folder.File("balloon.mp4"));
        var job = await host.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.Completed, job.State);
        Assert.StartsWith("gen_", job.OpperJobId);
        Assert.True(job.Checks >= 2, $"a 2 s job checked every 50-250 ms is checked more than once; got {job.Checks}");
        // Seen from Opper too (not equal to Checks in general: a check claimed over 2 s late counts by an estimate).
        Assert.True(emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/status", StringComparison.Ordinal)) >= 2, "Opper was polled more than once");
        Assert.Equal(folder.File("balloon.mp4"), job.DestinationPath);
        Assert.Equal(await Reference.ClipAsync(Balloon()), await File.ReadAllBytesAsync(folder.File("balloon.mp4")));
        Assert.Equal(new[] { "balloon.mp4" }, folder.Names());
        Assert.Single(emulator.Requests, r => r.Method == "POST");
        using var connection = host.Storage.GetConnection();
        Assert.Equal(SucceededState.StateName, connection.GetStateData(key).Name);
    }

    [Fact]
    public async Task Jobs_a_worker_checks_to_completion_teach_its_schedule_for_the_next_ones_like_them()
    {
        // 2 s, and bounds to match: a check a loaded machine delays moves what is learned by its delay, and this tests learning, not timing.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(2) });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage());
        var learned = host.Services.GetRequiredService<OpperVideoClient>().Completions;
        var shape = JobShape.Of(Balloon().ToWireRequest());

        foreach (var name in new[] { "first.mp4", "second.mp4" })
        {
            Assert.Equal(DurableVideoJobState.Completed, (await host.EndedAsync(await host.Scheduler.EnqueueAsync(Balloon(), folder.File(name)))).State);
        }

        // Each completion is placed between the check that saw the job running and the one that saw it done.
        var estimate = learned.Estimate(shape);
        Assert.NotNull(estimate);
        Assert.Equal(2, estimate.Value.Jobs);
        // Placed between the last running check and the first completed one: the middle of the two, so at least half the job's length.
        Assert.InRange(estimate.Value.Mean.TotalSeconds, 1.0, 10.0);
        var third = await host.EndedAsync(await host.Scheduler.EnqueueAsync(Balloon(), folder.File("third.mp4")));
        Assert.Equal(DurableVideoJobState.Completed, third.State);
        Assert.Equal(3, learned.Estimate(shape)!.Value.Jobs);
    }

    [Fact]
    public async Task Enqueue_stores_the_job_and_sends_nothing_so_it_works_while_Opper_is_unreachable()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var storage = new InMemoryStorage();
        // Nothing listens on port 9 of loopback: had EnqueueAsync called Opper, it would fail.
        await using var web = await DurableHost.StartAsync(emulator, storage, workers: 0, client: o => o.BaseAddress = new Uri("http://127.0.0.1:9/"));
        using var folder = new TempFolder();

        var key = await web.Scheduler.EnqueueAsync(Balloon(), folder.File("later.mp4"));

        var job = await web.Scheduler.GetJobAsync(key);
        Assert.Equal(DurableVideoJobState.Queued, job!.State);
        Assert.Null(job.OpperJobId);
        Assert.Equal(Veo31FastGenerate001Request.ModelId, job.Model);
        Assert.Contains(await web.Scheduler.ListJobsAsync(DurableVideoJobState.Queued), queued => queued.Key == key);
        Assert.Empty(emulator.Requests);

        // A worker that can reach Opper picks it up.
        await using var worker = await DurableHost.StartAsync(emulator, storage);
        Assert.Equal(DurableVideoJobState.Completed, (await worker.EndedAsync(key)).State);
        Assert.Single(emulator.Requests, r => r.Method == "POST");
        Assert.Empty(await web.Scheduler.ListJobsAsync(DurableVideoJobState.Queued));
        Assert.Contains(await web.Scheduler.ListJobsAsync(DurableVideoJobState.Completed), done => done.Key == key);
    }

    [Fact]
    public async Task A_sink_receives_the_clip_and_the_completion_handler_hears_once()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        var sink = new MemorySink();
        var ended = new ConcurrentBag<DurableVideoJob>();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), services: services =>
        {
            services.AddKeyedSingleton<IVideoJobSink>("blobs", sink);
            services.AddSingleton<IVideoJobCompletionHandler>(new Handler(ended));
        });

        var key = await host.Scheduler.EnqueueAsync(Balloon(), VideoJobDestination.Sink("blobs", "clips/balloon.mp4"));
        var job = await host.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.Completed, job.State);
        Assert.Equal("blobs", job.SinkName);
        var (clip, bytes) = Assert.Single(sink.Clips);
        Assert.Equal(("clips/balloon.mp4", key, job.OpperJobId, "video/mp4"), (clip.Name, clip.Key, clip.OpperJobId, clip.ContentType));
        Assert.Equal(await Reference.ClipAsync(Balloon()), bytes);
        Assert.Equal(bytes.Length, job.Bytes);
        await Until.TrueAsync(() => !ended.IsEmpty, "the completion handler's call");
        Assert.Equal(key, Assert.Single(ended).Key);
    }

    [Fact]
    public async Task A_sink_that_is_not_registered_is_refused_at_enqueue()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => host.Scheduler.EnqueueAsync(Balloon(), VideoJobDestination.Sink("blobz", "a.mp4")));

        Assert.Contains("AddKeyedSingleton<IVideoJobSink, YourSink>(\"blobz\")", refused.Message);
        Assert.Equal(0, host.Storage.GetMonitoringApi().GetStatistics().Enqueued);
    }

    private sealed class MemorySink : IVideoJobSink
    {
        public ConcurrentBag<(VideoJobClip Clip, byte[] Bytes)> Clips { get; } = [];

        public async Task WriteAsync(VideoJobClip clip, Stream content, CancellationToken cancellationToken)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, cancellationToken);
            Clips.Add((clip, copy.ToArray()));
        }
    }

    private sealed class Handler(ConcurrentBag<DurableVideoJob> ended) : IVideoJobCompletionHandler
    {
        public Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken)
        {
            ended.Add(job);
            return Task.CompletedTask;
        }
    }
}
