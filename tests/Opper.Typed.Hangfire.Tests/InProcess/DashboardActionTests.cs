using System.Collections.Concurrent;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>
/// What the dashboard's buttons do to a paid job, clicked through Hangfire's own client API (as the dashboard does):
/// Delete cancels it, visibly and resumably; Requeue of a job with an Opper id resumes it; neither pays twice. On each
/// storage the buttons act through (PostgreSQL: a server of the class's, started by its first case that needs it).
/// </summary>
public sealed class DashboardActionTests(PostgresOnDemand postgres) : IClassFixture<PostgresOnDemand>
{
    public static TheoryData<string> Storages => ["InMemory", "SQLite", "PostgreSQL"];

    private async Task<JobStorage> StorageAsync(string kind, TempFolder folder) => kind switch
    {
        "SQLite" => new SQLiteStorage(folder.File("jobs.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) }),
        "PostgreSQL" => PostgresStorages.OfItsOwn(await postgres.ConnectionStringAsync()),
        _ => new InMemoryStorage(),
    };

    private static Veo31FastGenerate001Request Cat() => new("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 };

    private static int Posts(OpperEmulator emulator) => emulator.Requests.Count(r => r.Method == "POST");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Delete_while_waiting_cancels_it_listed_with_its_Opper_id_never_checked_again_and_ResumeAsync_delivers_with_one_POST(string kind)
    {
        var jobDuration = TimeSpan.FromSeconds(3);
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = jobDuration });
        using var folder = new TempFolder();
        var ended = new ConcurrentQueue<DurableVideoJobState>();
        await using var host = await DurableHost.StartAsync(emulator, await StorageAsync(kind, folder),
            services: s => s.AddSingleton<IVideoJobCompletionHandler>(new Recorder(ended)));
        var key = await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
        // The checker counts its checks in the record when the wait ends; while it waits, the emulator sees them.
        await Until.JobAsync(host.Scheduler, key, job => job is { State: DurableVideoJobState.Waiting, OpperJobId: not null });
        await Until.TrueAsync(() => emulator.Requests.Any(r => r.Method == "GET"), "the job was checked");

        Assert.True(new BackgroundJobClient(host.Storage).Delete(key));

        var canceled = await Until.JobAsync(host.Scheduler, key, job => job.State == DurableVideoJobState.Canceled);
        Assert.NotNull(canceled.OpperJobId);
        Assert.Contains("billed", canceled.Error);
        Assert.Contains(await host.Scheduler.ListJobsAsync(DurableVideoJobState.Canceled), job => job.Key == key);
        Assert.DoesNotContain(await host.Scheduler.ListJobsAsync(DurableVideoJobState.Waiting), job => job.Key == key);
        await Until.TrueAsync(() => ended.Contains(DurableVideoJobState.Canceled), "the completion handlers told of the cancel");
        // Nothing to poll for: the absence of requests is watched until Opper's job has finished and a check of it
        // (every 100 to 250 ms) would have found it done and fetched the clip.
        var requestsAtCancel = emulator.Requests.Count;
        var opperDone = emulator.Requests.Single(r => r.Method == "POST").ReceivedAt + jobDuration;
        await Task.Delay(Max(opperDone - DateTimeOffset.UtcNow, TimeSpan.Zero) + TimeSpan.FromSeconds(1));
        Assert.Empty(emulator.Requests.Skip(requestsAtCancel).Where(r => r.Method == "GET").Select(r => $"{r.Host} {r.Path}"));
        Assert.False(File.Exists(folder.File("cat.mp4")), "no clip written while canceled");
        Assert.Equal(canceled.Checks, (await host.Scheduler.GetJobAsync(key))!.Checks);

        await ResumedWithoutASecondPostAsync(host, emulator, canceled, folder.File("cat.mp4"));
        // The record says Completed just before the handlers hear of it.
        await Until.TrueAsync(() => ended.Count == 2, "the completion handlers told of the delivery");
        Assert.Equal([DurableVideoJobState.Canceled, DurableVideoJobState.Completed], ended);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Delete_while_its_POST_is_in_flight_keeps_Opper_s_id_and_ResumeAsync_delivers_without_a_second_POST(string kind)
    {
        // Opper takes two seconds to answer: the job is deleted after the POST left and before its answer came.
        using var folder = new TempFolder();
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions
        {
            JobDuration = TimeSpan.FromMilliseconds(500),
            StatePath = folder.File("opper-jobs.json"),
            Faults = { SubmitAnswerDelay = TimeSpan.FromSeconds(2) },
        });
        await using var host = await DurableHost.StartAsync(emulator, await StorageAsync(kind, folder));
        var key = await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
        await Until.PostArrivedAsync(folder.File("opper-jobs.json"));

        Assert.True(new BackgroundJobClient(host.Storage).Delete(key));
        await Until.JobAsync(host.Scheduler, key, job => job.State == DurableVideoJobState.Canceled);

        // The answer arrives after the cancel: the job is paid for, and its id is kept on the canceled job.
        var canceled = await Until.JobAsync(host.Scheduler, key, job => job.OpperJobId is not null, TimeSpan.FromSeconds(15));
        Assert.Equal(DurableVideoJobState.Canceled, canceled.State);
        Assert.Equal(1, Posts(emulator));

        await ResumedWithoutASecondPostAsync(host, emulator, canceled, folder.File("cat.mp4"));
    }

    /// <summary>Resumes a canceled job that has an Opper id: its clip arrives by that id, and no second POST is sent.</summary>
    private static async Task ResumedWithoutASecondPostAsync(DurableHost host, OpperEmulator emulator, DurableVideoJob canceled, string clip)
    {
        await host.Scheduler.ResumeAsync(canceled.Key);

        var done = await host.EndedAsync(canceled.Key);
        Assert.Equal(DurableVideoJobState.Completed, done.State);
        Assert.Equal(canceled.OpperJobId, done.OpperJobId);
        Assert.True(File.Exists(clip));
        Assert.Equal(1, Posts(emulator));
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Requeue_of_a_deleted_job_with_an_Opper_id_resumes_it_by_that_id(string kind)
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(2) });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, await StorageAsync(kind, folder));
        var key = await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
        await Until.JobAsync(host.Scheduler, key, job => job.OpperJobId is not null);
        var client = new BackgroundJobClient(host.Storage);
        Assert.True(client.Delete(key));
        await Until.JobAsync(host.Scheduler, key, job => job.State == DurableVideoJobState.Canceled);

        Assert.True(client.Requeue(key, DeletedState.StateName));

        var done = await host.EndedAsync(key);
        Assert.Equal(DurableVideoJobState.Completed, done.State);
        Assert.Equal(1, Posts(emulator));
    }

    [Fact]
    public async Task CancelAsync_before_the_POST_means_it_is_never_sent_and_resuming_sends_it_once()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        using var folder = new TempFolder();
        var storage = new InMemoryStorage();
        string key;
        await using (var web = await DurableHost.StartAsync(emulator, storage, workers: 0))
        {
            key = await web.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
            await web.Scheduler.CancelAsync(key);
            await web.Scheduler.CancelAsync(key); // a second cancel changes nothing
            var job = (await web.Scheduler.GetJobAsync(key))!;
            Assert.Equal(DurableVideoJobState.Canceled, job.State);
            Assert.Null(job.OpperJobId);
        }

        await using var worker = await DurableHost.StartAsync(emulator, storage);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Posts(emulator));

        await worker.Scheduler.ResumeAsync(key);
        Assert.Equal(DurableVideoJobState.Completed, (await worker.EndedAsync(key)).State);
        Assert.Equal(1, Posts(emulator));
    }

    [Fact]
    public async Task ResumeAsync_from_a_completion_handler_the_moment_a_job_stops_takes_effect()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(1) }); // the folder goes before the clip is ready, even on a stalled test thread
        using var folder = new TempFolder();
        var resumer = new Resumer();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), jobs: o => o.MaxStepFailures = 2,
            services: s => s.AddSingleton<IVideoJobCompletionHandler>(resumer));
        resumer.Scheduler = host.Scheduler;
        var key = await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
        Directory.Delete(folder.Path, recursive: true); // the first delivery fails for good: NeedsAttention, then resumed by the handler

        await Until.TrueAsync(() => resumer.Resumed, "the handler's resume");
        var done = await Until.JobAsync(host.Scheduler, key, job => job.State == DurableVideoJobState.Completed);
        Assert.Equal(1, Posts(emulator));
        Assert.Null(resumer.Failure);
        Assert.NotNull(done.OpperJobId);
    }

    private sealed class Recorder(ConcurrentQueue<DurableVideoJobState> ended) : IVideoJobCompletionHandler
    {
        public Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken)
        {
            ended.Enqueue(job.State);
            return Task.CompletedTask;
        }
    }

    private sealed class Resumer : IVideoJobCompletionHandler
    {
        public IVideoJobScheduler? Scheduler { get; set; }

        public volatile bool Resumed;

        public Exception? Failure;

        public async Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken)
        {
            if (job.State != DurableVideoJobState.NeedsAttention || Resumed)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(job.DestinationPath)!); // the cause fixed
            try
            {
                await Scheduler!.ResumeAsync(job.Key, cancellationToken: cancellationToken);
            }
            catch (Exception exception)
            {
                Failure = exception;
            }

            Resumed = true;
        }
    }
}
