using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>
/// Workers configured as a user who sets nothing has them: PostgreSQL with Hangfire.PostgreSql's and Hangfire's default
/// options (a lock a killed process held is free only after 10 minutes, a step it had fetched after 30). A killed worker
/// must not hold the other jobs back: each job completes within a minute of its Opper job finishing. While every status
/// check is a scheduled Hangfire job, a kill that catches the schedule poller's lock (<c>locks:schedulepoller</c>) or a
/// check in flight fails this; a checker with short leases is the design meant to pass it.
/// </summary>
public sealed class PostgresDefaultSettingsTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Jobs = 30;
    private static readonly TimeSpan OpperJobDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AllowedAfterOpperFinished = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_workers_on_default_settings_one_killed_while_all_jobs_wait_each_job_completes_within_a_minute_of_Opper_finishing_with_one_POST()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = OpperJobDuration });
        using var folder = new TempFolder();
        await using var web = await DurableHost.StartAsync(emulator, PostgresStorages.Open(postgres.ConnectionString), workers: 0);
        await using var workers = await WorkerPool.StartAsync(3, "postgres:" + postgres.ConnectionString, emulator, workers: 5,
            new Dictionary<string, string> { ["DURABLE_DEFAULTS"] = "1" });
        var keys = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            keys.Add(await web.Scheduler.EnqueueAsync(NumberedClips.Request(i), folder.File($"clip-{i}.mp4")));
        }

        // Killed while every job waits at Opper: none is mid-POST (that rightly stops a job for attention, tested elsewhere).
        await Until.ValueAsync(() => JobsAsync(web.Scheduler, keys), jobs => jobs.All(job => job is { State: DurableVideoJobState.Waiting, OpperJobId: not null }),
            "every job waiting with an Opper id", TimeSpan.FromSeconds(45));
        var killedAt = DateTimeOffset.UtcNow;
        await workers[0].KillAsync();
        var held = await PostgresStorages.DescribeHeldAsync(postgres.ConnectionString);

        var posts = emulator.Requests.Where(r => r.Method == "POST").ToList();
        var opperFinished = Enumerable.Range(0, Jobs).Select(i => posts.Single(post => NumberedClips.IsPostOf(post.Body, i)).ReceivedAt + OpperJobDuration).ToList();
        var deadline = opperFinished.Max() + AllowedAfterOpperFinished + TimeSpan.FromSeconds(1);
        var ended = await Until.LastValueAsync(() => JobsAsync(web.Scheduler, keys), jobs => jobs.All(job => job.State == DurableVideoJobState.Completed), deadline);

        var late = ended.Select((job, i) => Lateness(job, opperFinished[i])).OfType<string>().ToList();
        Assert.True(late.Count == 0,
            $"{late.Count} of {Jobs} jobs did not complete within {AllowedAfterOpperFinished.TotalSeconds:0} s of their Opper job finishing " +
            $"(worker 1 of 3 killed at {killedAt:HH:mm:ss}; just after the kill, {held}; now " +
            $"{await PostgresStorages.DescribeHeldAsync(postgres.ConnectionString)}): {string.Join("; ", late)}");
        Assert.Equal(Jobs, emulator.Requests.Count(r => r.Method == "POST"));
        Assert.All(Enumerable.Range(0, Jobs), i => Assert.Single(emulator.Requests, r => r.Method == "POST" && NumberedClips.IsPostOf(r.Body, i)));
        Assert.All(Enumerable.Range(0, Jobs), i => Assert.True(File.Exists(folder.File($"clip-{i}.mp4")), $"clip {i} delivered"));
        Assert.DoesNotContain(folder.Names(), name => name.Contains(".partial", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<DurableVideoJob>> JobsAsync(IVideoJobScheduler scheduler, IEnumerable<string> keys) =>
        (await Task.WhenAll(keys.Select(async key => (await scheduler.GetJobAsync(key))!))).ToList();

    /// <summary>Null for a job on time; else which it is and by how much it is late (or still not done).</summary>
    private static string? Lateness(DurableVideoJob job, DateTimeOffset opperFinished)
    {
        var due = opperFinished + AllowedAfterOpperFinished;
        if (job is { State: DurableVideoJobState.Completed, EndedAt: { } endedAt })
        {
            return endedAt <= due ? null : $"{job.Key} ({job.OpperJobId}) completed {(endedAt - opperFinished).TotalSeconds:0.0} s after Opper finished, {(endedAt - due).TotalSeconds:0.0} s late";
        }

        return $"{job.Key} ({job.OpperJobId}) still {job.State} after {job.Checks} checks, {(DateTimeOffset.UtcNow - opperFinished).TotalSeconds:0.0} s after Opper finished, over {(DateTimeOffset.UtcNow - due).TotalSeconds:0.0} s late";
    }
}
