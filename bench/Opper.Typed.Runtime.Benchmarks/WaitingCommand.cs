using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire;
using Opper.Typed.Testing;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// Many durable jobs waiting at once on ONE Hangfire server with two worker threads (in this process, as an application
/// writes it: AddOpperVideos, AddHangfire on PostgreSQL, AddHangfireServer, AddOpperVideoJobs): how late the server's
/// checker starts each status check (<c>opper.video.job.check.lateness</c>, read with a <see cref="MeterListener"/>)
/// while every job waits, how long after Opper finished each job a check saw it done (<see cref="NoticedAfterDone"/>,
/// from outside), the most worker threads busy at once (none should wait for Opper), and at the end the jobs completed
/// and the POSTs duplicated; storage statements per job too.
/// </summary>
internal static class WaitingCommand
{
    private const int Workers = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        // As in `durable`: the emulator shares the process with the enqueuer, whose storage writes block.
        ThreadPool.SetMinThreads(64, 64);
        // Two threads submitted 10-43 jobs a second on this 2-core machine (by its load), and the jobs must outlast the
        // submitting for all of them to wait at once: 3,000 of 240 s ran in 6-9 minutes; 10,000 take 230-1,050 s to
        // submit, so jobs of 6-18 minutes and a run of 11-35 minutes (docs/performance.md).
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 240;
        var lateness = new ConcurrentQueue<(TimeSpan At, double Seconds)>();
        var clock = Stopwatch.StartNew();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Opper.Typed" && instrument.Name == "opper.video.job.check.lateness")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lateness.Enqueue((clock.Elapsed, value)));
        listener.Start();

        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(seconds) });
        await using var postgres = await DurableBench.StartPostgresAsync();
        var folder = Directory.CreateTempSubdirectory("opper-waiting-bench-").FullName;
        try
        {
            // The worker's (tests/DurableWorker) settings, not its quick ones: storage polled each second.
            var options = new PostgreSqlStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(1),
                InvisibilityTimeout = TimeSpan.FromMinutes(1),
                UseSlidingInvisibilityTimeout = true,
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            var storage = DurableBench.Storage(postgres.ConnectionString, "bench", options);
            var monitoring = storage.GetMonitoringApi();
            using var host = await StartServerAsync(emulator, DurableBench.Storage(postgres.ConnectionString, "web", options));
            var scheduler = host.Services.GetRequiredService<IVideoJobScheduler>();
            await DurableBench.ResetStatementsAsync(postgres.ConnectionString);

            clock.Restart();
            lateness.Clear();
            var keys = new string[jobs];
            var enqueuing = Parallel.ForAsync(0, jobs, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancel) =>
                keys[i] = await scheduler.EnqueueAsync(DurableBench.Request(i), Path.Combine(folder, $"clip-{i}.mp4"), cancel));
            TimeSpan? enqueued = null;
            var samples = new List<(TimeSpan At, long Waiting, int Busy, int Completed)>();
            var nextLine = TimeSpan.Zero;
            var completed = 0;
            var limit = TimeSpan.FromSeconds(seconds) + TimeSpan.FromMinutes(10);
            while (completed < jobs && clock.Elapsed < limit)
            {
                if (enqueued is null && enqueuing.IsCompleted)
                {
                    await enqueuing;
                    enqueued = clock.Elapsed;
                }

                var waiting = DurableBench.WaitingCount(storage);
                var busy = (int)monitoring.ProcessingCount();
                completed = (int)monitoring.SucceededListCount();
                samples.Add((clock.Elapsed, waiting, busy, completed));
                if (clock.Elapsed >= nextLine)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {clock.Elapsed.TotalSeconds,5:0} s  queued {monitoring.EnqueuedCount("default"),5}  waiting {waiting,5}  running {busy}  completed {completed,5}  checks {lateness.Count,6}"));
                    nextLine += TimeSpan.FromSeconds(15);
                }

                await Task.Delay(250);
            }

            var wall = clock.Elapsed;
            await enqueuing;
            var posts = emulator.Requests.Count(r => r.Host == EmulatorHost.Api && r.Method == "POST");
            var polls = emulator.Requests.Count(r => r.Host == EmulatorHost.Api && r.Method == "GET");
            var statements = await DurableBench.StatementsAsync(postgres.ConnectionString);
            if (Environment.GetEnvironmentVariable("DURABLE_BENCH_STATEMENTS") == "1")
            {
                await DurableBench.PrintTopStatementsAsync(postgres.ConnectionString, jobs);
            }

            // The window of all jobs waiting: from the first sample at the most jobs waiting to the first sample after it
            // with fewer (the first completions leaving the state). Before it the two threads are still submitting; after
            // it they download.
            var peak = samples.Max(s => s.Waiting);
            var from = samples.First(s => s.Waiting == peak).At;
            var to = samples.FirstOrDefault(s => s.At > from && s.Waiting < peak).At;
            to = to == default ? wall : to;
            var all = lateness.ToArray();
            var noticed = NoticedAfterDone.Seconds(emulator.Requests, keys,
                await scheduler.ListJobsAsync(DurableVideoJobState.Completed, take: jobs), TimeSpan.FromSeconds(seconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                jobs                                  {jobs} of {seconds:0} s each, one server, {Workers} worker threads, PostgreSQL
                enqueueing took                       {enqueued?.TotalSeconds ?? double.NaN:0.0} s
                most jobs waiting at once             {peak} (first at {from.TotalSeconds:0.0} s; all waiting until {to.TotalSeconds:0.0} s)
                check lateness while all wait         {Summary(all.Where(l => l.At >= from && l.At < to))}
                check lateness while submitting       {Summary(all.Where(l => l.At < from))}
                check lateness after                  {Summary(all.Where(l => l.At >= to))}
                check lateness, whole run             {Summary(all)}
                clip noticed after Opper finished     {Summary(noticed, "jobs")} (the emulator's log: the schedule's gap plus any lateness, also what the lateness instrument drops)
                status polls (emulator GETs)          {polls} ({(double)polls / jobs:0.0} a job)
                most worker threads busy at once      {samples.Max(s => s.Busy)} of {Workers} (sampled every 250 ms); while all wait {samples.Where(s => s.At >= from && s.At < to).Select(s => s.Busy).DefaultIfEmpty().Max()} (no step is due then)
                completed                             {completed} of {jobs} in {wall.TotalSeconds:0.0} s
                POSTs                                 {posts} ({posts - jobs} duplicated)
                storage statements per job            {(double)statements / jobs:0.0} ({statements} in all, server and enqueuer)
                """));
            return completed == jobs && posts == jobs ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Summary(IEnumerable<(TimeSpan At, double Seconds)> checks) => Summary(checks.Select(c => c.Seconds), "checks");

    private static string Summary(IEnumerable<double> seconds, string of)
    {
        var sorted = seconds.Order().ToArray();
        return sorted.Length == 0
            ? $"no {of}"
            : string.Create(CultureInfo.InvariantCulture,
                $"median {Statistics.Percentile(sorted, 0.5):0.000} s  p95 {Statistics.Percentile(sorted, 0.95):0.000} s  max {sorted[^1]:0.000} s  ({sorted.Length} {of})");
    }

    /// <summary>One application with a Hangfire server of <see cref="Workers"/> threads, as tests' DurableHost builds it.</summary>
    private static async Task<IHost> StartServerAsync(OpperEmulator emulator, JobStorage storage)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpperVideos(o => (o.BaseAddress, o.ApiKey) = (emulator.BaseAddress, emulator.ApiKey));
        builder.Services.AddSingleton(storage);
        builder.Services.AddHangfire(_ => { });
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = Workers;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.ServerCheckInterval = TimeSpan.FromSeconds(5);
        });
        builder.Services.AddOpperVideoJobs();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
