using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>What EnqueueAsync refuses, and that a refusal stores nothing.</summary>
public sealed class EnqueueTests
{
    [Fact]
    public async Task A_request_the_rules_refuse_throws_the_clients_exception_and_stores_nothing()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0);
        using var folder = new TempFolder();
        var request = new VideoRequest(Veo31FastGenerate001Request.ModelId, "a cat") { Parameters = { ["durationSeconds"] = "4" } };

        var refused = await Assert.ThrowsAsync<OpperValidationException>(() => host.Scheduler.EnqueueAsync(request, folder.File("cat.mp4")));

        Assert.Equal("parameters.durationSeconds", refused.Field);
        Assert.Equal("OPPER006", refused.RuleId);
        Assert.Equal(0, host.Storage.GetMonitoringApi().GetStatistics().Enqueued);
    }

    [Fact]
    public async Task A_destination_whose_folder_is_missing_is_refused_before_anything_is_stored()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0);
        using var folder = new TempFolder();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), Path.Combine(folder.Path, "missing", "cat.mp4")));

        Assert.Contains("does not exist; create it first", refused.Message);
        Assert.Contains("Nothing was enqueued", refused.Message);
        Assert.Equal(0, host.Storage.GetMonitoringApi().GetStatistics().Enqueued);
    }

    [Fact]
    public async Task Inline_media_over_the_stored_limit_is_refused_naming_the_field_the_limit_and_the_file_route_as_the_fix()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0, jobs: o => o.MaxStoredRequestBytes = 64 * 1024);
        using var folder = new TempFolder();
        var png = await File.ReadAllBytesAsync(Path.Combine(Opper.Typed.Testing.RepositoryPaths.Root, "samples", "ImageToVideo", "first-frame.png"));
        var request = new VideoRequest(Veo31FastGenerate001Request.ModelId, "the cat turns its head") { Image = MediaInput.FromBytes([.. png, .. new byte[80 * 1024]]) };

        var refused = await Assert.ThrowsAsync<OpperValidationException>(() => host.Scheduler.EnqueueAsync(request, folder.File("cat.mp4")));

        Assert.Equal("image", refused.Field);
        Assert.Contains("over the 64 KiB a durable job stores", refused.Message);
        Assert.Contains("MaxStoredRequestBytes", refused.Message);
        Assert.Contains("client.Files.UploadAsync", refused.Fix); // a file id is stored as it is, and every provider takes it
        Assert.Contains("MediaInput.FromFileId", refused.Fix);
        Assert.Equal(0, host.Storage.GetMonitoringApi().GetStatistics().Enqueued);
    }

    [Fact]
    public async Task An_unreachable_storage_is_an_exception_at_enqueue_that_says_nothing_was_stored_or_sent()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        // A PostgreSQL storage whose server is not there: nothing listens on loopback port 9.
        var storage = PostgresStorages.Open("Host=127.0.0.1;Port=9;Username=postgres;Timeout=2", new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false });
        await using var host = await DurableHost.StartAsync(emulator, storage, workers: 0);
        using var folder = new TempFolder();

        var refused = await Assert.ThrowsAsync<DurableVideoJobStorageException>(() => host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4")));

        Assert.Contains("Nothing was stored and nothing was sent to Opper", refused.Message);
        Assert.Null(refused.Key);
        Assert.NotNull(refused.InnerException);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task An_unknown_key_reads_as_no_job()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 0);

        Assert.Null(await host.Scheduler.GetJobAsync("12345"));
        Assert.Null(await host.Scheduler.GetJobAsync("not-a-number"));
    }
}
