using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>Many workers on one PostgreSQL (Debian's server, started for the test): three worker processes, one killed mid-run.</summary>
public sealed class PostgresWorkersTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_hundred_jobs_on_three_workers_one_killed_mid_run_are_all_delivered_with_one_POST_each_and_no_partial_file()
    {
        const int Jobs = 100;
        // Two seconds a job and about one second a download: a kill catches checks and downloads in flight.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(2), Faults = { DownloadBytesPerSecond = 25_000 } });
        using var folder = new TempFolder();
        await using var web = await DurableHost.StartAsync(emulator, PostgresStorages.Open(postgres.ConnectionString), workers: 0);
        await using var workers = await WorkerPool.StartAsync(3, "postgres:" + postgres.ConnectionString, emulator, workers: 5);
        var keys = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            keys.Add(await web.Scheduler.EnqueueAsync(NumberedClips.Request(i), folder.File($"clip-{i}.mp4")));
        }

        // Killed once every job is at Opper and some are downloading (a kill inside a POST's milliseconds would rightly
        // stop that job for attention: that case has its own test).
        await Until.ValueAsync(
            async () => (await web.Scheduler.ListJobsAsync(DurableVideoJobState.Queued)).Count + (await web.Scheduler.ListJobsAsync(DurableVideoJobState.Submitting)).Count,
            count => count == 0, "every job submitted", TimeSpan.FromSeconds(90));
        await Until.ValueAsync(() => web.Scheduler.ListJobsAsync(DurableVideoJobState.Downloading), downloading => downloading.Count >= 3, "downloads in flight", TimeSpan.FromSeconds(90));
        await workers[0].KillAsync();

        await Until.ValueAsync(() => JobCounts.DescribeAsync(web.Scheduler), counts => counts == $"Completed {Jobs}", "all jobs completed", TimeSpan.FromMinutes(3));
        var reference = await Reference.ClipAsync(NumberedClips.Request(0));
        foreach (var (key, i) in keys.Select((key, i) => (key, i)))
        {
            Assert.Equal(reference, await File.ReadAllBytesAsync(folder.File($"clip-{i}.mp4")));
        }

        var posts = emulator.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(Jobs, posts.Count);
        Assert.Equal(Jobs, posts.Select(p => p.Body).Distinct().Count());
        Assert.DoesNotContain(folder.Names(), name => name.EndsWith(".partial", StringComparison.Ordinal));
    }
}
