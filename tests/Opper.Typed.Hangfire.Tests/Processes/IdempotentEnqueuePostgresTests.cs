using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>
/// Two schedulers, each with its own storage object and connections on one PostgreSQL (as two web servers would have),
/// enqueue one key from 40 concurrent tasks: the storage lock around check-and-create makes one job between them.
/// </summary>
public sealed class IdempotentEnqueuePostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Forty_concurrent_enqueues_of_one_key_from_two_schedulers_make_one_job()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        using var folder = new TempFolder();
        await using var one = await DurableHost.StartAsync(emulator, Storage(), workers: 0);
        await using var two = await DurableHost.StartAsync(emulator, Storage(), workers: 0);
        var destination = VideoJobDestination.File(folder.File("order-7.mp4"));
        var options = new VideoJobEnqueueOptions { IdempotencyKey = "order-7" };
        using var start = new ManualResetEventSlim();

        // A thread each, so all 40 are waiting at the start line rather than in the thread pool's queue.
        var enqueues = Enumerable.Range(0, 40).Select(i => Task.Factory.StartNew(() =>
        {
            start.Wait();
            return (i % 2 == 0 ? one : two).Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination, options).GetAwaiter().GetResult();
        }, TaskCreationOptions.LongRunning)).ToList();
        start.Set();
        var keys = await Task.WhenAll(enqueues);

        Assert.Single(keys.Distinct());
        Assert.Equal(1, one.Storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    private PostgreSqlStorage Storage() =>
        new(new NpgsqlConnectionFactory(postgres.ConnectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions());
}
