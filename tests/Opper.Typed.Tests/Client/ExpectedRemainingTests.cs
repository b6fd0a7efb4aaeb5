using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

/// <summary>The expected time left: the formula on its own, then as a client reports it while waiting.</summary>
public sealed class ExpectedRemainingTests
{
    /// <summary>Likely done by 50 s: the mean and two spreads.</summary>
    private static readonly CompletionEstimate FortySeconds = new(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(5), Jobs: 3);

    [Theory]
    [InlineData(0, 40)]
    [InlineData(30, 10)]
    [InlineData(39.9, 0.1)]
    public void Before_the_mean_it_is_the_time_to_the_mean(double since, double left) =>
        Assert.Equal(left, FortySeconds.RemainingAfter(TimeSpan.FromSeconds(since))!.Value.TotalSeconds, precision: 6);

    [Theory]
    [InlineData(40, 10)]
    [InlineData(45, 5)]
    [InlineData(49.9, 0.1)]
    public void Past_the_mean_it_is_the_time_to_the_end_of_the_likely_window(double since, double left) =>
        Assert.Equal(left, FortySeconds.RemainingAfter(TimeSpan.FromSeconds(since))!.Value.TotalSeconds, precision: 6);

    [Theory]
    [InlineData(50)]
    [InlineData(600)]
    public void Past_the_likely_window_there_is_no_estimate(double since) =>
        Assert.Null(FortySeconds.RemainingAfter(TimeSpan.FromSeconds(since)));

    [Fact]
    public void It_is_never_zero_or_negative()
    {
        CompletionEstimate[] estimates = [FortySeconds, new(TimeSpan.FromSeconds(40), TimeSpan.Zero, Jobs: 2), new(TimeSpan.FromMilliseconds(1), TimeSpan.Zero, Jobs: 2)];
        foreach (var estimate in estimates)
        {
            for (var since = TimeSpan.Zero; since < TimeSpan.FromSeconds(70); since += TimeSpan.FromMilliseconds(100))
            {
                Assert.True(estimate.RemainingAfter(since) is not { } left || left > TimeSpan.Zero, $"{estimate} after {since}: {estimate.RemainingAfter(since)}");
            }
        }
    }

    [Fact]
    public async Task The_time_left_counts_from_the_submission_not_from_the_start_of_the_wait()
    {
        var clock = new FakeTimeProvider();
        var submittedAt = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(30));
        var polls = 0;
        var reports = new List<VideoProgress>();
        var waiter = new JobWaiter(
            (id, _) => Task.FromResult(++polls == 1 ? new VideoStatus { Id = id, Status = "processing" } : new VideoStatus { Id = id, Status = "completed", Url = "https://storage.example/clip.mp4" }),
            new VideoPollingOptions { Jitter = 0 }, clock, NullLogger.Instance, FortySeconds, submittedAt);

        await AdvanceUntilDoneAsync(clock, waiter.WaitAsync("gen_1", new SyncProgress<VideoProgress>(reports.Add), CancellationToken.None, pollAtOnce: true));

        var processing = Assert.Single(reports, r => r.Phase == VideoProgressPhase.Processing);
        Assert.Equal(TimeSpan.Zero, processing.Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(10), processing.ExpectedRemaining);
    }

    [Fact]
    public async Task A_client_reports_no_estimate_until_two_jobs_of_the_shape_finished_then_a_falling_one()
    {
        // One fake clock for both: the emulator's jobs finish as the client's polls see time pass. Without jitter the
        // fixed schedule sees a 44 s job running at 39.2 s and done at 51.6 s, so the client learns a mean of 45.4 s,
        // and every poll of the third job that finds it running comes before that mean.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(44), TimeProvider = clock });
        var options = emulator.CreateClientOptions();
        options.TimeProvider = clock;
        options.Polling.Jitter = 0;
        using var client = new OpperVideoClient(options);

        var first = await ProcessingReportsAsync(client, clock);
        var second = await ProcessingReportsAsync(client, clock);
        var third = await ProcessingReportsAsync(client, clock);

        Assert.All(first.Concat(second), r => Assert.Null(r.ExpectedRemaining));
        Assert.True(third.Count >= 3, $"{third.Count} processing reports");
        var left = third.Select(r => r.ExpectedRemaining ?? throw new Xunit.Sdk.XunitException($"no estimate at {r.Elapsed}")).ToList();
        Assert.All(left.Zip(left.Skip(1)), pair => Assert.True(pair.Second < pair.First, $"{pair.First} then {pair.Second}"));
        // Each report points at the same expected completion, the learned mean.
        Assert.All(third, r => Assert.InRange((r.Elapsed + r.ExpectedRemaining!.Value).TotalSeconds, 44, 47));
    }

    private static async Task<List<VideoProgress>> ProcessingReportsAsync(OpperVideoClient client, FakeTimeProvider clock)
    {
        var reports = new List<VideoProgress>();
        var operation = await client.StartGenerationAsync(LiveModel.Request());
        await AdvanceUntilDoneAsync(clock, operation.WaitForCompletionAsync(new SyncProgress<VideoProgress>(reports.Add)));
        return reports.Where(r => r.Phase == VideoProgressPhase.Processing).ToList();
    }

    /// <summary>Moves the fake clock in 100 ms steps until the wait ends, for at most two simulated minutes.</summary>
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider clock, Task waiting)
    {
        for (var i = 0; i < 1_200 && !waiting.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        Assert.True(waiting.IsCompleted, "the wait did not finish within the simulated time");
        await waiting;
    }
}
