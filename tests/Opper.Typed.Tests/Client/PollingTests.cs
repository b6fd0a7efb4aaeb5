using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

public sealed class PollingTests
{
    [Fact]
    public async Task Giving_up_after_the_timeout_carries_the_job_id_and_another_client_resumes_the_paid_job()
    {
        // Both clocks are fake: the client's 30-minute timeout passes in milliseconds, and the emulator's job
        // completes only when its own clock is moved, as a long job would.
        var emulatorClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromHours(1), TimeProvider = emulatorClock });
        var clientClock = new FakeTimeProvider();
        var options = emulator.CreateClientOptions();
        options.TimeProvider = clientClock;
        using var first = new OpperVideoClient(options);
        var job = await first.SubmitAsync(LiveModel.Request());

        var waiting = first.WaitForCompletionAsync(job.Id);
        // 1 s steps: coarser ones round every jittered delay up to a whole step and thin out the polls being counted.
        await AdvanceUntilDoneAsync(clientClock, waiting, TimeSpan.FromSeconds(1));
        var timeout = await Assert.ThrowsAsync<VideoGenerationTimeoutException>(() => waiting);

        Assert.Equal(job.Id, timeout.JobId);
        // The fake clock moves on while polls are in flight, so the wait it observed may overshoot by a few steps.
        Assert.InRange(timeout.Waited, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(5));
        Assert.Equal("processing", timeout.LastStatus?.Status);
        Assert.Contains($"WaitForCompletionAsync(\"{job.Id}\")", timeout.Message);
        var polls = emulator.Requests.Count(r => r.Method == "GET");
        Assert.InRange(polls, 100, 400); // 2 s, 5 s, then growing to 15 s: ~125 polls in 30 minutes, not a busy loop.

        emulatorClock.Advance(TimeSpan.FromHours(1));
        using var second = new OpperVideoClient(EmulatorFixture.FastPolling(emulator.CreateClientOptions()));
        var done = await second.WaitForCompletionAsync(job.Id);
        Assert.Equal(VideoJobState.Completed, done.State);
    }

    [Fact]
    public async Task Jobs_started_together_do_not_poll_together()
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        var firstPolls = new List<TimeSpan>();
        var polling = new VideoPollingOptions(); // the default jitter, 0.5
        var waits = Enumerable.Range(0, 200).Select(i => new JobWaiter((id, _) =>
        {
            lock (firstPolls)
            {
                firstPolls.Add(clock.GetUtcNow() - start);
            }

            return Task.FromResult(new VideoStatus { Id = id, Status = "completed", Url = "https://storage.example/clip.mp4" });
        }, polling, clock, NullLogger.Instance).WaitAsync($"gen_{i}", progress: null, CancellationToken.None)).ToList();
        await AdvanceUntilDoneAsync(clock, Task.WhenAll(waits), TimeSpan.FromMilliseconds(10));

        // 2 s ± 50%: spread over 1–3 s, no 50 ms slice holding more than a few percent of them.
        Assert.All(firstPolls, t => Assert.InRange(t.TotalSeconds, 0.99, 3.01));
        var busiest = firstPolls.GroupBy(t => (int)(t.TotalMilliseconds / 50)).Max(g => g.Count());
        Assert.InRange(busiest, 1, 200 / 10);
    }

    [Fact]
    public async Task Delays_start_at_the_first_poll_delay_then_back_off_gently_to_the_cap()
    {
        var clock = new FakeTimeProvider();
        var pollTimes = new List<TimeSpan>();
        var start = clock.GetUtcNow();
        var polling = new VideoPollingOptions { Jitter = 0 }; // exact times, to see the schedule itself
        var waiter = new JobWaiter((id, _) =>
        {
            pollTimes.Add(clock.GetUtcNow() - start);
            return Task.FromResult(new VideoStatus { Id = id, Status = pollTimes.Count < 8 ? "processing" : "completed", Url = "https://storage.example/clip.mp4" });
        }, polling, clock, NullLogger.Instance);

        var waiting = waiter.WaitAsync("gen_1", progress: null, CancellationToken.None);
        await AdvanceUntilDoneAsync(clock, waiting, TimeSpan.FromMilliseconds(100));
        await waiting;

        // 2 s, then 5 s growing by 1.2 each time up to 15 s; the fake clock moves in 0.1 s steps.
        double[] expected = [2, 5, 6, 7.2, 8.64, 10.368, 12.4416, 14.92992];
        var gaps = pollTimes.Zip(pollTimes.Skip(1), (a, b) => b - a).Prepend(pollTimes[0]).Select(g => g.TotalSeconds).ToArray();
        Assert.Equal(expected.Length, gaps.Length);
        Assert.All(expected.Zip(gaps), pair => Assert.InRange(pair.Second, pair.First, pair.First + 0.1));
    }

    [Fact]
    public async Task Unknown_status_strings_count_as_running_and_a_completed_status_without_url_is_polled_again()
    {
        var statuses = new Queue<VideoStatus>([
            new() { Status = "queued" },
            new() { Status = "upscaling" },
            new() { Status = "completed" },
            new() { Status = "COMPLETED", Url = "https://storage.example/clip.mp4" },
        ]);
        var polling = new VideoPollingOptions { FirstPollDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(1) };
        var reports = new List<VideoProgress>();
        var waiter = new JobWaiter((_, _) => Task.FromResult(statuses.Dequeue()), polling, TimeProvider.System, NullLogger.Instance);

        var done = await waiter.WaitAsync("gen_1", new SyncProgress<VideoProgress>(reports.Add), CancellationToken.None);

        Assert.Equal("https://storage.example/clip.mp4", done.Url);
        Assert.Equal(["queued", "upscaling", "COMPLETED"], reports.Select(r => r.Status));
        Assert.Empty(statuses);
    }

    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider clock, Task task, TimeSpan step)
    {
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            clock.Advance(step);
            await Task.Delay(1);
        }

        Assert.True(task.IsCompleted, "the wait did not finish within the simulated time");
    }
}
