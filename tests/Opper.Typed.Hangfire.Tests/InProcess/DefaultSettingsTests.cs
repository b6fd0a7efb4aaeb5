using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>What users get without tuning anything: Hangfire's, the storage's and the client's defaults.</summary>
public sealed class DefaultSettingsTests
{
    [Fact]
    public async Task On_every_default_a_three_second_job_is_delivered_within_seconds_of_finishing_not_at_the_schedulers_next_15_second_poll()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(3) });
        using var folder = new TempFolder();
        using var storage = new SQLiteStorage(folder.File("jobs.db"), new SQLiteStorageOptions());
        await using var host = await DurableHost.StartAsync(emulator, storage, defaults: true);
        // The first step waits for a worker to take it from the queue, which on defaults may be a 15-second poll away:
        // timed from the POST, what is left is the wait and the download, which no longer wait for Hangfire's scheduler.
        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 }, folder.File("cat.mp4"));
        await Until.JobAsync(host.Scheduler, key, job => job.OpperJobId is not null, TimeSpan.FromSeconds(40));

        var done = await host.EndedAsync(key, TimeSpan.FromSeconds(60));

        Assert.Equal(DurableVideoJobState.Completed, done.State);
        // The client's default schedule polls about 2 s after the POST, then about 5 s apart (each ±50%, so at most 7.5 s):
        // every step, from the POST to each check and from the check that found the clip to its delivery, is well under
        // the 15 s a check bound to Hangfire's scheduler would wait. Gaps, not a total, so a loaded machine's slowness
        // does not add up into a false alarm.
        var post = emulator.Requests.Single(r => r.Method == "POST" && r.Path == "/v3/videos").ReceivedAt;
        var checks = emulator.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/status", StringComparison.Ordinal)).Select(r => r.ReceivedAt).Order().ToList();
        var steps = checks.Prepend(post).Zip(checks, (before, check) => (check - before).TotalSeconds).ToList();
        Assert.All(steps, gap => Assert.True(gap < 10, $"a check {gap:0.0} s after the one before (the POST first): {string.Join(", ", steps.Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} s"));
        var delivered = done.EndedAt!.Value - checks[^1];
        Assert.True(delivered < TimeSpan.FromSeconds(5), $"delivered {delivered.TotalSeconds:0.0} s after the check that found the clip ready (the scheduler's poll is 15 s)");
    }

    [Fact]
    public void A_storage_that_holds_a_killed_workers_step_back_over_five_minutes_is_named_in_a_warning_at_start_up()
    {
        var logger = new FakeLogger<VideoJobChecker>();
        StorageSettingsWarning.Check(Postgres(new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false }), logger);

        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("Invisibility timeout", warning.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("00:30:00", warning.Message);
    }

    [Fact]
    public void A_storage_set_for_recovery_within_minutes_gets_no_warning()
    {
        var logger = new FakeLogger<VideoJobChecker>();
        StorageSettingsWarning.Check(Postgres(new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false, InvisibilityTimeout = TimeSpan.FromMinutes(2) }), logger);

        Assert.Empty(logger.Collector.GetSnapshot());
    }

    /// <summary>A storage object only (nothing connects): its options are what is read.</summary>
    private static PostgreSqlStorage Postgres(PostgreSqlStorageOptions options) =>
        new(new NpgsqlConnectionFactory("Host=127.0.0.1;Port=9", options), options);
}
