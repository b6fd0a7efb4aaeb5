using System.Collections.Concurrent;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>How jobs end without a clip: the provider fails, the wait runs out, a step keeps failing; each says why, once.</summary>
public sealed class EndingTests
{
    [Fact]
    public async Task A_job_the_provider_fails_ends_Failed_with_its_error_in_the_record_and_in_Hangfires_failed_list()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100), FailJobs = true });
        var ended = new ConcurrentQueue<DurableVideoJob>();
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(),
            services: s => s.AddSingleton<IVideoJobCompletionHandler>(new Recorder(ended)));

        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));
        var job = await host.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.Failed, job.State);
        Assert.Contains($"The provider failed Opper job {job.OpperJobId}: The provider rejected the request", job.Error);
        Assert.Empty(folder.Names());
        using var connection = host.Storage.GetConnection();
        await Until.TrueAsync(() => connection.GetStateData(key).Name == FailedState.StateName, "Hangfire's failed state");
        Assert.Contains("The provider failed", connection.GetStateData(key).Data["ExceptionMessage"]);
        await Until.TrueAsync(() => !ended.IsEmpty, "the completion handler");
        await Task.Delay(300);
        Assert.Equal(DurableVideoJobState.Failed, Assert.Single(ended).State);
    }

    [Fact]
    public async Task A_job_still_running_at_the_clients_polling_timeout_ends_Failed_with_its_Opper_id_and_how_to_resume()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromHours(1) });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), client: o => o.Polling.Timeout = TimeSpan.FromSeconds(4));

        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));
        var job = await host.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.Failed, job.State);
        Assert.Contains($"Opper job {job.OpperJobId} was still 'processing'", job.Error);
        Assert.Contains($"ResumeAsync(\"{key}\")", job.Error);
        // Four seconds leave room for several checks a quarter of a second apart (a checker's rounds) on a loaded machine.
        Assert.True(job.Checks >= 2, $"checked on the schedule until the timeout; got {job.Checks}");
    }

    [Fact]
    public async Task A_step_that_keeps_failing_stops_in_NeedsAttention_with_the_last_error_and_the_id_to_resume_from()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(1) }); // the folder goes before the clip is ready, even on a stalled test thread
        using var folder = new TempFolder();
        var destination = Path.Combine(folder.Path, "clips", "cat.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), jobs: o => o.MaxStepFailures = 3);
        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination);
        // The folder is gone by the time the clip is ready: every download fails, the paid job is not given up silently.
        Directory.Delete(Path.GetDirectoryName(destination)!);

        var job = await host.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.NeedsAttention, job.State);
        Assert.Contains("The step failed 3 times in a row while Downloading", job.Error);
        Assert.Contains($"Opper job {job.OpperJobId} keeps its clip", job.Error);
        Assert.Single(emulator.Requests, r => r.Method == "POST");

        // Fixed, and resumed: the same Opper job's clip is fetched, not a new one paid for.
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await host.Scheduler.ResumeAsync(key);
        Assert.Equal(DurableVideoJobState.Completed, (await host.EndedAsync(key)).State);
        Assert.True(File.Exists(destination));
        Assert.Single(emulator.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_completion_handler_that_fails_once_runs_again_and_the_clip_is_fetched_once()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        var calls = new ConcurrentQueue<DurableVideoJobState>();
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(),
            services: s => s.AddSingleton<IVideoJobCompletionHandler>(new FailingHandler(calls, failures: 1)));

        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));

        // The record says Completed once the clip is in place, before the handlers hear of it.
        Assert.Equal(DurableVideoJobState.Completed, (await host.EndedAsync(key)).State);
        await Until.TrueAsync(() => calls.Count == 2, "the handler, run again after it failed");
        await Task.Delay(TimeSpan.FromSeconds(1)); // no third call, and no second download, comes
        Assert.Equal([DurableVideoJobState.Completed, DurableVideoJobState.Completed], calls);
        // Delivered once: the failure ran only the handler again, not the download.
        Assert.Single(emulator.Requests, r => r.Method == "GET" && r.Path.StartsWith("/clips/", StringComparison.Ordinal));
        Assert.True(File.Exists(folder.File("cat.mp4")));
    }

    [Fact]
    public async Task A_completion_handler_that_keeps_failing_ends_the_delivered_job_Completed_saying_so()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        var calls = new ConcurrentQueue<DurableVideoJobState>();
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), jobs: o => o.MaxStepFailures = 2,
            services: s => s.AddSingleton<IVideoJobCompletionHandler>(new FailingHandler(calls, failures: int.MaxValue)));

        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));

        // Delivered by the checker; its handler fails twice, and the job ends as a step's would: Completed, not about a download.
        using var connection = host.Storage.GetConnection();
        await Until.TrueAsync(() => connection.GetStateData(key)?.Name == SucceededState.StateName, "Hangfire's succeeded state");
        var job = await host.Scheduler.GetJobAsync(key);
        Assert.Equal(DurableVideoJobState.Completed, job!.State);
        Assert.Contains("The completion handlers failed 2 times; last: InvalidOperationException: the webhook is down", job.Error);
        Assert.DoesNotContain("Downloading", job.Error);
        Assert.Equal(2, calls.Count);
        Assert.Single(emulator.Requests, r => r.Method == "GET" && r.Path.StartsWith("/clips/", StringComparison.Ordinal));
        Assert.True(File.Exists(folder.File("cat.mp4")));
    }

    [Fact]
    public async Task Handler_failures_count_afresh_after_a_download_that_failed()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(1) }); // the folder goes before the clip is ready, even on a stalled test thread
        var calls = new ConcurrentQueue<DurableVideoJobState>();
        using var folder = new TempFolder();
        var destination = Path.Combine(folder.Path, "clips", "cat.mp4");
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(),
            jobs: o => (o.MaxStepFailures, o.StepRetryDelay) = (2, TimeSpan.FromSeconds(2)),
            services: s => s.AddSingleton<IVideoJobCompletionHandler>(new FailingHandler(calls, failures: 1)));
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination);
        Directory.Delete(Path.GetDirectoryName(destination)!); // the first delivery fails

        await Until.JobAsync(host.Scheduler, key, job => job.State == DurableVideoJobState.Downloading);
        await Task.Delay(300);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!); // back before the retry, two seconds on

        // One failed download, then one failed handler call: two failures in all, but only one of the handlers'.
        await Until.TrueAsync(() => calls.Count == 2, "the handler, run again after it failed");
        var job = await host.EndedAsync(key);
        Assert.Equal(DurableVideoJobState.Completed, job.State);
        Assert.Null(job.Error);
        Assert.True(File.Exists(destination));
    }

    /// <summary>A completion handler whose first <paramref name="failures"/> calls throw, as a webhook that is down would.</summary>
    private sealed class FailingHandler(ConcurrentQueue<DurableVideoJobState> calls, int failures) : IVideoJobCompletionHandler
    {
        public Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken)
        {
            calls.Enqueue(job.State);
            return calls.Count <= failures ? throw new InvalidOperationException("the webhook is down") : Task.CompletedTask;
        }
    }

    private sealed class Recorder(ConcurrentQueue<DurableVideoJob> ended) : IVideoJobCompletionHandler
    {
        public Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken)
        {
            ended.Enqueue(job);
            return Task.CompletedTask;
        }
    }
}
