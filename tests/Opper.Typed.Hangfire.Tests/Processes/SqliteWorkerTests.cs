using Hangfire.Storage.SQLite;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>
/// One application on SQLite, its worker a real process killed with SIGKILL at each point where a job can be caught, then
/// started again: the clip arrives whole, and Opper saw one POST.
/// </summary>
public sealed class SqliteWorkerTests
{
    private static Veo31FastGenerate001Request Balloon() => new("a hot air balloon at dawn")
    {
        DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
        Resolution = Veo31FastGenerate001Resolution.Resolution720p,
    };

    [Fact]
    public async Task Killed_after_the_POST_the_started_again_worker_resumes_by_id_and_delivers_the_clip()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(3) });
        using var scene = await Scene.StartAsync(emulator);
        var key = await scene.EnqueueAsync(Balloon());
        await using (var worker = await WorkerProcess.StartAsync(scene.Storage, emulator))
        {
            await Until.JobAsync(scene.Scheduler, key, job => job.OpperJobId is not null);
            await worker.KillAsync();
        }

        await using var again = await WorkerProcess.StartAsync(scene.Storage, emulator);
        var done = await scene.JobAsync(again, key, job => job.State == DurableVideoJobState.Completed);

        await scene.AssertDeliveredOnceAsync(done, emulator);
    }

    [Fact]
    public async Task Killed_mid_download_the_started_again_worker_downloads_again_never_posts_again_and_leaves_no_partial_file()
    {
        // About five seconds a clip: time to be caught with part of it on disk.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(500), Faults = { DownloadBytesPerSecond = 4_000 } });
        using var scene = await Scene.StartAsync(emulator);
        var key = await scene.EnqueueAsync(Balloon());
        await using (var worker = await WorkerProcess.StartAsync(scene.Storage, emulator))
        {
            await Until.TrueAsync(() => scene.Folder.Names().Any(name => name.EndsWith(".partial", StringComparison.Ordinal)), "the download's partial file");
            Assert.Equal(DurableVideoJobState.Downloading, (await scene.Scheduler.GetJobAsync(key))!.State);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // a third of the way through the clip
            await worker.KillAsync();
        }

        var left = Assert.Single(scene.Folder.Names(), name => name.EndsWith(".partial", StringComparison.Ordinal));
        Assert.False(File.Exists(scene.Destination), "no clip at the destination before it is whole");
        await using var again = await WorkerProcess.StartAsync(scene.Storage, emulator);
        var done = await scene.JobAsync(again, key, job => job.State == DurableVideoJobState.Completed);

        Assert.DoesNotContain(left, scene.Folder.Names());
        await scene.AssertDeliveredOnceAsync(done, emulator);
    }

    [Fact]
    public async Task Killed_between_sending_the_POST_and_storing_its_answer_the_job_stops_in_NeedsAttention_and_is_never_sent_again()
    {
        // Opper creates the job and answers slowly; the worker dies while it waits for the 202.
        using var opper = new TempFolder();
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { StatePath = opper.File("jobs.json"), Faults = { SubmitAnswerDelay = TimeSpan.FromSeconds(30) } });
        using var scene = await Scene.StartAsync(emulator);
        var key = await scene.EnqueueAsync(Balloon());
        await using (var worker = await WorkerProcess.StartAsync(scene.Storage, emulator))
        {
            await Until.PostArrivedAsync(opper.File("jobs.json"));
            await worker.KillAsync();
        }

        await Until.TrueAsync(() => emulator.Requests.Any(r => r.Method == "POST"), "the cut-off POST's record");
        await using var again = await WorkerProcess.StartAsync(scene.Storage, emulator);
        var stopped = await scene.JobAsync(again, key, job => job.State == DurableVideoJobState.NeedsAttention, TimeSpan.FromSeconds(90));

        Assert.Null(stopped.OpperJobId);
        Assert.Contains("stopped before it stored Opper's answer", stopped.Error);
        Assert.Contains("so it was not sent again", stopped.Error);
        Assert.Single(emulator.Requests, r => r.Method == "POST");
    }

    /// <summary>The enqueuing application (this process: a client of the storage, no server) and the worker's storage string.</summary>
    private sealed class Scene : IDisposable
    {
        private readonly SQLiteStorage _storage;
        private readonly DurableHost _web;

        private Scene(TempFolder folder, SQLiteStorage storage, DurableHost web)
        {
            (Folder, _storage, _web) = (folder, storage, web);
        }

        public TempFolder Folder { get; }

        public string Storage => "sqlite:" + Folder.File("jobs.db");

        public string Destination => Folder.File("balloon.mp4");

        public IVideoJobScheduler Scheduler => _web.Scheduler;

        public static async Task<Scene> StartAsync(OpperEmulator emulator)
        {
            var folder = new TempFolder();
            var storage = new SQLiteStorage(folder.File("jobs.db"), new SQLiteStorageOptions());
            return new Scene(folder, storage, await DurableHost.StartAsync(emulator, storage, workers: 0));
        }

        public Task<string> EnqueueAsync(IVideoRequest request) => Scheduler.EnqueueAsync(request, Destination);

        /// <summary>Waits as <see cref="Until.JobAsync"/> does; a failure also says where Hangfire has the job and what the worker printed.</summary>
        public async Task<DurableVideoJob> JobAsync(RunningProcess worker, string key, Func<DurableVideoJob, bool> done, TimeSpan? timeout = null)
        {
            try
            {
                return await Until.JobAsync(Scheduler, key, done, timeout);
            }
            catch (Xunit.Sdk.XunitException late)
            {
                using var connection = _storage.GetConnection();
                throw new Xunit.Sdk.XunitException(
                    $"{late.Message}\nHangfire state: {connection.GetStateData(key)?.Name}; due entry: {DueSet.Contains(connection, key)}\nThe started-again worker printed:\n{worker.Output}");
            }
        }

        public async Task AssertDeliveredOnceAsync(DurableVideoJob done, OpperEmulator emulator)
        {
            Assert.Equal(await Reference.ClipAsync(Balloon()), await File.ReadAllBytesAsync(Destination));
            Assert.Equal(new[] { "balloon.mp4" }, Folder.Names().Where(name => !name.StartsWith("jobs.db", StringComparison.Ordinal)));
            Assert.Single(emulator.Requests, r => r.Method == "POST");
            Assert.NotNull(done.OpperJobId);
        }

        public void Dispose()
        {
            _web.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _storage.Dispose();
            Folder.Dispose();
        }
    }
}
