namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>The schedule the checks follow takes its randomness from the caller: none at all without jitter, a seed's worth with it.</summary>
public sealed class PollScheduleTests
{
    private static readonly CompletionEstimate Learned = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(6), Jobs: 5);

    [Fact]
    public void Without_jitter_the_times_are_exact_on_the_fixed_and_the_learned_schedule()
    {
        var options = new VideoPollingOptions { Jitter = 0 };

        Assert.Equal(options.FirstPollDelay, PollSchedule.Next(options, estimate: null, pollsSoFar: 0, TimeSpan.Zero, new ThrowingRandom()));
        Assert.Equal(options.Interval, PollSchedule.Next(options, estimate: null, pollsSoFar: 1, TimeSpan.Zero, new ThrowingRandom()));
        foreach (var since in new[] { 0, 30, 47, 55, 60, 66, 80, 200 })
        {
            // Every part of the learned schedule too: before the window, inside it, after it.
            var once = PollSchedule.Next(options, Learned, pollsSoFar: 3, TimeSpan.FromSeconds(since), new ThrowingRandom());
            Assert.Equal(once, PollSchedule.Next(options, Learned, pollsSoFar: 3, TimeSpan.FromSeconds(since), new ThrowingRandom()));
        }
    }

    [Fact]
    public void With_jitter_the_same_seed_gives_the_same_times()
    {
        var options = new VideoPollingOptions { Jitter = 0.5 };
        List<TimeSpan> Times(int seed)
        {
            var random = new Random(seed);
            return [.. new[] { 0, 30, 47, 55, 60, 66, 80, 200 }.Select(since => PollSchedule.Next(options, Learned, 3, TimeSpan.FromSeconds(since), random))];
        }

        Assert.Equal(Times(7), Times(7));
        Assert.NotEqual(Times(7), Times(8));
    }

    /// <summary>Proves nothing is drawn.</summary>
    private sealed class ThrowingRandom : Random
    {
        protected override double Sample() => throw new InvalidOperationException("drew a random number with Jitter = 0");

        public override double NextDouble() => Sample();
    }
}
