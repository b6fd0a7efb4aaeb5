using Hangfire.InMemory;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>One job per idempotency key: a repeat returns the first job's key and stores nothing.</summary>
public sealed class IdempotentEnqueueTests
{
    private static readonly VideoJobEnqueueOptions Order42 = new() { IdempotencyKey = "order-42" };

    [Fact]
    public async Task A_repeated_key_returns_the_first_jobs_key_and_stores_nothing_new()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0);
        using var folder = new TempFolder();
        var destination = VideoJobDestination.File(folder.File("order-42.mp4"));

        var first = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination, Order42);
        var again = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination, Order42);
        var other = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination, new VideoJobEnqueueOptions { IdempotencyKey = "order-43" });
        var unkeyed = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination, enqueueOptions: null);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, unkeyed);
        Assert.Equal(3, host.Storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public async Task A_different_request_under_a_used_key_is_refused_naming_the_job()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0);
        using var folder = new TempFolder();
        var destination = VideoJobDestination.File(folder.File("order-42.mp4"));
        var first = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination, Order42);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a dog"), destination, Order42));

        Assert.Contains($"already belongs to durable video job {first}", refused.Message);
        Assert.Contains("Use a new key", refused.Message);
        Assert.Equal(1, host.Storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_key_is_refused(string key)
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0);
        using var folder = new TempFolder();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), VideoJobDestination.File(folder.File("a.mp4")), new VideoJobEnqueueOptions { IdempotencyKey = key }));

        Assert.Contains("VideoJobEnqueueOptions.IdempotencyKey", refused.Message);
    }
}
