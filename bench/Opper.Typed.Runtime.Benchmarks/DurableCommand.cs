using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire;
using Opper.Typed.Testing;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// N jobs of a fixed length, once through the plain in-process client (all at once) and once as durable jobs on
/// PostgreSQL worked by three worker processes (tests/DurableWorker, five Hangfire threads each, the README's settings):
/// wall time of each and their ratio, storage statements per durable job (pg_stat_statements, the benchmark's own reads
/// left out), and the most worker threads busy at once.
/// </summary>
internal static class DurableCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        // The emulator stands in for Opper's servers but shares this process with the enqueuing "web app", whose storage
        // writes block (Hangfire's client API is synchronous): without enough pool threads from the start they starve
        // the emulator, and the workers' POSTs wait on it as they would not on a remote API.
        ThreadPool.SetMinThreads(64, 64);
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(seconds) });
        var folder = Directory.CreateTempSubdirectory("opper-durable-bench-").FullName;
        try
        {
            var inProcess = await InProcessAsync(emulator, jobs, Directory.CreateDirectory(Path.Combine(folder, "in-process")).FullName);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in-process client: {jobs} jobs of {seconds:0} s in {inProcess.TotalSeconds:0.0} s"));
            var inProcessPolls = StatusPolls(emulator);
            var durable = await DurableAsync(emulator, jobs, Directory.CreateDirectory(Path.Combine(folder, "durable")).FullName);
            var durablePolls = StatusPolls(emulator) - inProcessPolls;
            if (Environment.GetEnvironmentVariable("DURABLE_BENCH_DUMP") is { } dump)
            {
                File.WriteAllLines(dump, emulator.Requests.Select(r => $"{r.ReceivedAt.ToUnixTimeMilliseconds()} {r.Method} {r.Path} {r.ResponseStatus}"));
            }

            var posts = emulator.Requests.Count(r => r.Method == "POST");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                jobs                                  {jobs} of {seconds:0} s each
                in-process client, wall time          {inProcess.TotalSeconds:0.0} s
                durable, 3 workers x 5 threads, wall  {durable.Wall.TotalSeconds:0.0} s   ratio {durable.Wall / inProcess:0.00}x
                durable jobs completed                {durable.Completed} of {jobs}
                POSTs (both runs)                     {posts} ({posts - 2 * jobs} duplicated)
                status polls per job                  in-process {(double)inProcessPolls / jobs:0.0}, durable {(double)durablePolls / jobs:0.0}
                storage statements per durable job    {(double)durable.Statements / jobs:0.0} ({durable.Statements} in all, Hangfire's own background work included)
                most worker threads busy at once      {durable.PeakBusy} of 15
                """));
            return durable.Completed == jobs && posts == 2 * jobs ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TimeSpan> InProcessAsync(OpperEmulator emulator, int jobs, string folder)
    {
        using var client = new OpperVideoClient(emulator.CreateClientOptions());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, jobs).Select(i => client.GenerateToFileAsync(DurableBench.Request(i), Path.Combine(folder, $"clip-{i}.mp4"))));
        return clock.Elapsed;
    }

    private static async Task<(TimeSpan Wall, int Completed, long Statements, int PeakBusy)> DurableAsync(OpperEmulator emulator, int jobs, string folder)
    {
        await using var postgres = await DurableBench.StartPostgresAsync();
        // The benchmark watches through a role of its own, so its reads are left out of the count; the enqueuing web
        // app's writes are the jobs' and counted.
        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) };
        var storage = DurableBench.Storage(postgres.ConnectionString, "bench", options);
        await using var web = Enqueuer(emulator, DurableBench.Storage(postgres.ConnectionString, "web", options));
        var scheduler = web.GetRequiredService<IVideoJobScheduler>();
        var workers = await DurableBench.StartWorkersAsync(postgres.ConnectionString, emulator);
        try
        {
            await DurableBench.ResetStatementsAsync(postgres.ConnectionString);
            var clock = Stopwatch.StartNew();
            // Enqueued as a web app would, from many requests at once.
            await Parallel.ForAsync(0, jobs, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancel) =>
                await scheduler.EnqueueAsync(DurableBench.Request(i), Path.Combine(folder, $"clip-{i}.mp4"), cancel));

            var enqueued = clock.Elapsed;
            var monitoring = storage.GetMonitoringApi();
            var peakBusy = 0;
            var completed = 0;
            var nextLine = TimeSpan.Zero;
            while (completed < jobs && clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                var busy = (int)monitoring.ProcessingCount();
                peakBusy = Math.Max(peakBusy, busy);
                completed = (int)monitoring.SucceededListCount();
                if (clock.Elapsed >= nextLine)
                {
                    // The timeline: where the jobs are, every five seconds (waiting: in the package's own state, checked by
                    // the workers' checkers without a worker thread).
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {clock.Elapsed.TotalSeconds,5:0.0} s  queued {monitoring.EnqueuedCount("default"),4}  waiting {DurableBench.WaitingCount(storage),4}  running {busy,2}  completed {completed,4}"));
                    nextLine += TimeSpan.FromSeconds(5);
                }

                await Task.Delay(100);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  enqueueing took {enqueued.TotalSeconds:0.0} s"));

            var wall = clock.Elapsed;
            if (Environment.GetEnvironmentVariable("DURABLE_BENCH_STATEMENTS") == "1")
            {
                await DurableBench.PrintTopStatementsAsync(postgres.ConnectionString, jobs);
            }

            var statements = await DurableBench.StatementsAsync(postgres.ConnectionString);
            return (wall, completed, statements, peakBusy);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static int StatusPolls(OpperEmulator emulator) => emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/status", StringComparison.Ordinal));

    /// <summary>The enqueuing application: the client's rules, the storage, the scheduler; no Hangfire server.</summary>
    private static ServiceProvider Enqueuer(OpperEmulator emulator, JobStorage storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOpperVideos(o => (o.BaseAddress, o.ApiKey) = (emulator.BaseAddress, emulator.ApiKey));
        services.AddSingleton(storage);
        services.AddHangfire(_ => { });
        services.AddOpperVideoJobs();
        return services.BuildServiceProvider();
    }
}
