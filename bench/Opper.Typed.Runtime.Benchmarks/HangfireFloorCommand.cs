using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Opper.Typed.Emulator;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// Hangfire's own floor on the <c>durable</c> benchmark's storage and workers: N jobs that do nothing (a static no-op,
/// so only Hangfire's create, fetch, Processing and Succeeded run), enqueued the same way, and the storage statements
/// one costs by <c>pg_stat_statements</c>. What a durable video job costs beyond it is the package's.
/// </summary>
internal static class HangfireFloorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ThreadPool.SetMinThreads(64, 64);
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        await using var emulator = await OpperEmulator.StartAsync();
        await using var postgres = await DurableBench.StartPostgresAsync();
        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) };
        var web = DurableBench.Storage(postgres.ConnectionString, "web", options);
        var watching = DurableBench.Storage(postgres.ConnectionString, "bench", options);
        var workers = await DurableBench.StartWorkersAsync(postgres.ConnectionString, emulator);
        try
        {
            await DurableBench.ResetStatementsAsync(postgres.ConnectionString);
            var clock = Stopwatch.StartNew();
            var client = new BackgroundJobClient(web);
            await Parallel.ForAsync(0, jobs, new ParallelOptions { MaxDegreeOfParallelism = 32 }, (_, _) =>
            {
                client.Enqueue(() => Thread.Sleep(0));
                return ValueTask.CompletedTask;
            });
            var monitoring = watching.GetMonitoringApi();
            while (monitoring.SucceededListCount() < jobs && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(100);
            }

            var wall = clock.Elapsed;
            var statements = await DurableBench.StatementsAsync(postgres.ConnectionString);
            if (Environment.GetEnvironmentVariable("DURABLE_BENCH_STATEMENTS") == "1")
            {
                await DurableBench.PrintTopStatementsAsync(postgres.ConnectionString, jobs);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                no-op Hangfire jobs                   {jobs}, {monitoring.SucceededListCount()} succeeded in {wall.TotalSeconds:0.0} s
                storage statements per job            {(double)statements / jobs:0.0} ({statements} in all, Hangfire's own background work included)
                """));
            return 0;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }
}
