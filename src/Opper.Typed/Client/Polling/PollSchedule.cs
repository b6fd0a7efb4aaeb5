namespace Opper.Typed;

/// <summary>
/// When to poll a job next. Without an estimate: <see cref="VideoPollingOptions.DelayAfter"/> (first delay, then a
/// growing interval), jittered. With one (<see cref="CompletionHistory"/>), about the polls the fixed schedule would spend
/// on a job of the expected length, placed where the job is likely to finish: a few sparse polls up to the window of
/// likely completion (the mean ± 2 spreads), the last of them landing anywhere in the spread before it, so jobs started
/// together enter it apart; gaps in the window that widen with the distance from the mean (as e^(z²/4), the spacing
/// that makes the least expected delay for a given number of polls); and after it the fixed schedule's growing
/// interval, so a job far slower than expected is polled, as sparsely as today, until the timeout.
/// </summary>
internal static class PollSchedule
{
    private const double WindowSpreads = CompletionEstimate.LikelySpreads;

    /// <summary>∫ e^(−z²/4) dz from −2 to 2 (2√π·erf(1)): turns a number of polls in the window into the gap at the mean.</summary>
    private const double WindowIntegral = 2.98730;

    /// <summary>
    /// Polls the window gets below twice the fixed schedule's count less the sparse ones: tuned (with the constants
    /// below) on a simulation of the <c>polling</c> benchmark, 100 runs of 200 jobs, for the runs that keep a median
    /// notice latency ≤ 1 s, a p95 ≤ 3 s and no more polls than the fixed schedule all at once (1.5: 23 of 100; these: 89).
    /// </summary>
    private const double WindowPollsHeldBack = 2.0;

    /// <summary>The fewest polls a window gets: below five, short jobs (a 20-s shape) were noticed over a second late.</summary>
    private const int MinWindowPolls = 5;

    /// <summary>
    /// The window's gaps are already apart by where each job entered it: they get a fraction of the jitter (0.4 and
    /// 0.1 met the goal in fewer simulated runs).
    /// </summary>
    private const double WindowJitterShare = 0.2;

    /// <summary>
    /// One sparse poll per this many <see cref="VideoPollingOptions.MaxInterval"/>s before the window (75 s by default):
    /// a second one for a 60-s job bought no latency, and its poll is better spent in the window.
    /// </summary>
    private const int SparseEvery = 5;

    /// <summary>The delay from poll number <paramref name="pollsSoFar"/> (0: the submission) to the next, jittered.</summary>
    /// <param name="options">The client's polling options.</param>
    /// <param name="estimate">What jobs of this shape took; null for the fixed schedule.</param>
    /// <param name="pollsSoFar">Polls made so far.</param>
    /// <param name="sinceSubmission">Time since the job was submitted.</param>
    /// <param name="random">
    /// Where the jitter comes from: <see cref="Random.Shared"/> when null; a seeded one makes a schedule repeatable. With
    /// <see cref="VideoPollingOptions.Jitter"/> 0 nothing is drawn and the times are exact.
    /// </param>
    public static TimeSpan Next(VideoPollingOptions options, CompletionEstimate? estimate, int pollsSoFar, TimeSpan sinceSubmission, Random? random = null)
    {
        random ??= Random.Shared;
        if (estimate is not { } expected || !options.Adaptive)
        {
            return options.Jittered(options.DelayAfter(pollsSoFar), random);
        }

        var mean = expected.Mean.TotalSeconds;
        var spread = expected.Spread.TotalSeconds;
        var now = sinceSubmission.TotalSeconds;
        var opens = mean - (WindowSpreads * spread);
        var closes = mean + (WindowSpreads * spread);
        var sparsePolls = Math.Max(1, (int)Math.Ceiling(opens / (SparseEvery * options.MaxInterval.TotalSeconds)));
        double delay;
        if (now >= closes)
        {
            delay = options.Jittered(AfterWindow(options, TimeSpan.FromSeconds(now - closes)), random).TotalSeconds;
        }
        else if (now < opens - spread)
        {
            // Evenly towards the window, never past its opening: the last sparse poll lands at random in the spread before it
            // (so jobs started together enter it apart), or, without jitter, in its middle.
            var toOpening = opens - now;
            var landing = options.Jitter == 0 ? 0.5 : random.NextDouble();
            delay = Math.Min(Jittered(random, options.Jitter, Math.Min(opens / sparsePolls, toOpening)), toOpening - (landing * spread));
        }
        else
        {
            var windowPolls = Math.Max(MinWindowPolls, (2.0 * (FixedPollsBy(options, expected.Mean) - sparsePolls)) - WindowPollsHeldBack);
            var z = Math.Max(-WindowSpreads, (now - mean) / spread);
            var gap = Math.Min(spread * WindowIntegral / windowPolls * Math.Exp(z * z / 4), options.MaxInterval.TotalSeconds);
            delay = Jittered(random, options.Jitter * WindowJitterShare, gap);
        }

        var floor = options.Floor;
        return delay > floor.TotalSeconds ? TimeSpan.FromSeconds(delay) : floor;
    }

    /// <summary>
    /// A server's <c>Retry-After</c> on a status answer, never below <see cref="VideoPollingOptions.Floor"/>: a zero or a
    /// date in the past must not turn the wait into a loop of requests.
    /// </summary>
    public static TimeSpan AsAsked(VideoPollingOptions options, TimeSpan asked) => asked > options.Floor ? asked : options.Floor;

    /// <summary>
    /// How many polls the fixed schedule has made by <paramref name="elapsed"/>, counting the gap under way as its
    /// fraction: a whole count jumps by one at each poll time, which gave a 20-s shape the polls of a 13-s one and a 21-s
    /// shape those of a 28-s one.
    /// </summary>
    internal static double FixedPollsBy(VideoPollingOptions options, TimeSpan elapsed)
    {
        var at = TimeSpan.Zero;
        for (var polls = 0; polls < 10_000; polls++)
        {
            var delay = options.DelayAfter(polls);
            delay = delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(1);
            if (at + delay >= elapsed)
            {
                return polls + ((elapsed - at) / delay);
            }

            at += delay;
        }

        return 10_000;
    }

    /// <summary>The fixed schedule's interval, grown from <see cref="VideoPollingOptions.Interval"/> over the time since the window closed.</summary>
    private static TimeSpan AfterWindow(VideoPollingOptions options, TimeSpan sinceClosed)
    {
        var delay = options.Interval;
        for (var at = delay; at <= sinceClosed && delay < options.MaxInterval; at += delay)
        {
            delay = options.NextDelay(delay);
        }

        return delay;
    }

    private static double Jittered(Random random, double jitter, double seconds) =>
        jitter == 0 ? seconds : seconds * (1 + (jitter * ((random.NextDouble() * 2) - 1)));
}
