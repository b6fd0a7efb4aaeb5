using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>
/// One budget for every worker: two worker processes on one PostgreSQL reserve in the storage's ledger, so together
/// they send no more than the limit allows per window; the jobs over it wait, queued, saying until when, and go on
/// when the window has room.
/// </summary>
public sealed class SharedBudgetPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Two_workers_share_one_budget_and_the_jobs_over_it_wait_for_room_instead_of_failing()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        using var folder = new TempFolder();
        var storage = PostgresStorages.Open(postgres.ConnectionString);
        await using var web = await DurableHost.StartAsync(emulator, storage, workers: 0);
        // 1.20 USD a window: two 4-second Veo 3.1 Fast clips at 0.15/s.
        var budget = new Dictionary<string, string> { ["Opper__Budget__Limit"] = "1.20", ["Opper__Budget__Window"] = Window.ToString() };
        await using var one = await WorkerProcess.StartAsync("postgres:" + postgres.ConnectionString, emulator, workers: 3, budget);
        await using var two = await WorkerProcess.StartAsync("postgres:" + postgres.ConnectionString, emulator, workers: 3, budget);

        var keys = new List<string>();
        var enqueuedFrom = DateTimeOffset.UtcNow;
        for (var i = 0; i < 4; i++)
        {
            keys.Add(await web.Scheduler.EnqueueAsync(
                new Veo31FastGenerate001Request($"clip {i}") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 }, folder.File($"clip-{i}.mp4")));
        }

        await Until.ValueAsync(
            async () => string.Join("; ", (await Task.WhenAll(keys.Select(key => web.Scheduler.GetJobAsync(key)))).Select(job => $"{job!.State} {job.WaitingForBudgetUntil:O} {job.Error}"))
                + $"; POSTs {emulator.Requests.Count(r => r.Method == "POST")}",
            jobs => jobs.Split("; ").Count(job => job.Contains("Waiting for the budget", StringComparison.Ordinal)) == 2, "two jobs waiting for the budget", TimeSpan.FromSeconds(60));
        var waiting = (await Task.WhenAll(keys.Select(key => web.Scheduler.GetJobAsync(key)))).Where(job => job!.WaitingForBudgetUntil is not null).ToList();
        Assert.Equal(2, emulator.Requests.Count(r => r.Method == "POST"));
        Assert.All(waiting, job =>
        {
            Assert.Equal(DurableVideoJobState.Queued, job!.State);
            Assert.Contains("Waiting for the budget until", job.Error);
        });

        foreach (var key in keys)
        {
            Assert.Equal(DurableVideoJobState.Completed, (await web.EndedAsync(key, TimeSpan.FromSeconds(90))).State);
        }

        var posts = emulator.Requests.Where(r => r.Method == "POST").OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal(4, posts.Count);
        // The third waited for the first's reservation to leave the window. That reservation was made after the enqueue
        // began, which bounds it from below without guessing how long a freshly started worker took to send its POST.
        Assert.True(posts[2].ReceivedAt >= enqueuedFrom + Window, $"enqueued from {enqueuedFrom:O}, third POST {posts[2].ReceivedAt:O}, window {Window}");
        // And the room the waiting jobs were told of is the first reservation's end, made before the first POST arrived.
        var room = waiting.Min(job => job!.WaitingForBudgetUntil!.Value);
        Assert.True(room <= posts[0].ReceivedAt + Window, $"room at {room:O}, a window after the first POST is {posts[0].ReceivedAt + Window:O}");
        Assert.True(posts[2].ReceivedAt >= room, $"third POST {posts[2].ReceivedAt:O} before the room at {room:O}");
    }
}
