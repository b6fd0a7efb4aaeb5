namespace Opper.Typed;

/// <summary>How <see cref="OpperVideoClient.WaitForCompletionAsync"/> polls. Defaults follow Opper's docs: a clip takes ~30 s to minutes.</summary>
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

    /// <summary>How long to wait for a job in all before giving up with <see cref="VideoGenerationTimeoutException"/>. Default 30 min.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    internal TimeSpan NextDelay(TimeSpan previous) =>
        TimeSpan.FromTicks(Math.Min((long)(previous.Ticks * BackoffFactor), MaxInterval.Ticks));

    internal void Validate()
    {
        if (FirstPollDelay < TimeSpan.Zero || Interval <= TimeSpan.Zero || MaxInterval < Interval || Timeout <= TimeSpan.Zero || BackoffFactor < 1)
        {
            throw new InvalidOperationException(
                "OpperVideoClientOptions.Polling is inconsistent: FirstPollDelay must be >= 0, Interval > 0, MaxInterval >= Interval, Timeout > 0 and BackoffFactor >= 1.");
        }
    }
}
