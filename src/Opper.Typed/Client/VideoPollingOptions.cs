namespace Opper.Typed;

/// <summary>How a <see cref="VideoGenerationOperation"/> polls its job. Defaults follow Opper's docs: a clip takes ~30 s to minutes.</summary>
public sealed class VideoPollingOptions
{
    /// <summary>Delay before the first poll. Default 2 s.</summary>
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay between later polls, before backoff. Default 5 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Each later delay is the previous one times this factor, up to <see cref="MaxInterval"/>. Default 1.2.</summary>
    public double BackoffFactor { get; set; } = 1.2;

    /// <summary>The longest delay between polls. Default 15 s.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How far each delay is spread at random around its value, as a fraction: 0.5 makes a 5 s delay anything from
    /// 2.5 s to 7.5 s (the mean stays 5 s). Without it, jobs started together poll together, in lockstep, for ever
    /// (1,000 jobs put 19% of all their polls into one 50 ms window; with 0.5, under 5% of any round of polls).
    /// Default 0.5; 0 polls at exact times; must be below 1.
    /// </summary>
    public double Jitter { get; set; } = 0.5;

    /// <summary>
    /// Whether polling adapts to how long this client saw jobs of the same model and shape (duration, size, resolution,
    /// …) take: once two have finished, the next ones are polled sparsely at first and densely around their expected
    /// completion, with as many polls as the fixed schedule above would make, so a clip is noticed about a second after
    /// it is done instead of several. Before that, and for a job rehydrated by id, the fixed schedule applies. A
    /// <c>Retry-After</c> on a status answer wins over both. Default true; false keeps the fixed schedule.
    /// </summary>
    public bool Adaptive { get; set; } = true;

    /// <summary>
    /// The shortest delay between polls of the adaptive schedule: a hard floor, however sure it is. Never above
    /// <see cref="Interval"/> (a shorter <see cref="Interval"/> lowers it). Default 1 s.
    /// </summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a job in all before giving up with <see cref="VideoGenerationTimeoutException"/>. Default 30 min.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The adaptive schedule's floor: <see cref="MinInterval"/>, or <see cref="Interval"/> where that is shorter.</summary>
    internal TimeSpan Floor => MinInterval < Interval ? MinInterval : Interval;

    internal TimeSpan NextDelay(TimeSpan previous) =>
        TimeSpan.FromTicks(Math.Min((long)(previous.Ticks * BackoffFactor), MaxInterval.Ticks));

    /// <summary>
    /// The delay, before jitter, between a job's submission or its poll number <paramref name="pollsSoFar"/> and the
    /// next poll: <see cref="FirstPollDelay"/>, then <see cref="Interval"/> growing by <see cref="BackoffFactor"/> up to
    /// <see cref="MaxInterval"/>. The in-process wait and the durable jobs' scheduled checks both take it from here.
    /// </summary>
    internal TimeSpan DelayAfter(int pollsSoFar)
    {
        if (pollsSoFar <= 0)
        {
            return FirstPollDelay;
        }

        var delay = Interval;
        for (var poll = 1; poll < pollsSoFar && delay < MaxInterval; poll++)
        {
            delay = NextDelay(delay);
        }

        return delay;
    }

    /// <summary><paramref name="delay"/> spread by <see cref="Jitter"/>: uniform in [1 − Jitter, 1 + Jitter] times it, drawn from <paramref name="random"/>.</summary>
    internal TimeSpan Jittered(TimeSpan delay, Random random) =>
        Jitter == 0 ? delay : TimeSpan.FromTicks((long)(delay.Ticks * (1 + (Jitter * ((random.NextDouble() * 2) - 1)))));

    internal VideoPollingOptions Clone() => (VideoPollingOptions)MemberwiseClone();

    /// <summary>Adds a sentence per inconsistent setting, each naming it.</summary>
    internal void FindProblems(List<string> problems)
    {
        const string Prefix = "OpperVideoClientOptions.Polling.";
        if (FirstPollDelay < TimeSpan.Zero)
        {
            problems.Add($"{Prefix}FirstPollDelay must be zero or more; got {FirstPollDelay}.");
        }

        if (Interval <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}Interval must be more than zero; got {Interval}.");
        }

        if (MinInterval <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}MinInterval must be more than zero; got {MinInterval}.");
        }

        if (MaxInterval < Interval)
        {
            problems.Add($"{Prefix}MaxInterval must be at least Interval ({Interval}); got {MaxInterval}.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}Timeout must be more than zero; got {Timeout}.");
        }

        if (!(Jitter >= 0 && Jitter < 1))
        {
            problems.Add($"{Prefix}Jitter must be from 0 up to (not including) 1; got {Jitter.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (!(BackoffFactor >= 1))
        {
            problems.Add($"{Prefix}BackoffFactor must be 1 or more; got {BackoffFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
