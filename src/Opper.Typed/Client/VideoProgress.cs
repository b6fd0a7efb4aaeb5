namespace Opper.Typed;

/// <summary>Where a generation is.</summary>
public enum VideoProgressPhase
{
    /// <summary>The job was accepted.</summary>
    Submitted,

    /// <summary>A poll found the job still running.</summary>
    Processing,

    /// <summary>Bytes of the clip are arriving.</summary>
    Downloading,

    /// <summary>The job finished (when waiting) or the file is complete (when downloading).</summary>
    Completed,
}

/// <summary>A progress report of a wait or download.</summary>
/// <param name="Phase">Where the generation is.</param>
/// <param name="JobId">The job.</param>
/// <param name="Elapsed">Time since this call started.</param>
/// <param name="Status">The raw status string of the last poll, if any.</param>
/// <param name="BytesReceived">Bytes downloaded so far (downloads only).</param>
/// <param name="TotalBytes">The clip's size, when the host said (downloads only).</param>
public sealed record VideoProgress(
    VideoProgressPhase Phase,
    string JobId,
    TimeSpan Elapsed,
    string? Status = null,
    long BytesReceived = 0,
    long? TotalBytes = null)
{
    /// <summary>
    /// The expected time until the job completes (Processing reports only), from how long jobs of the same model and
    /// shape took when this client saw them finish. Providers never say; null while fewer than two such jobs finished,
    /// for a job picked up by id or with <see cref="VideoPollingOptions.Adaptive"/> off (nothing is learned then), and
    /// once the job has run well past the time such jobs take, when no figure would be honest.
    /// </summary>
    public TimeSpan? ExpectedRemaining { get; init; }

    /// <summary>"about 40 s left", "about 1 min 10 s left"; null when <see cref="ExpectedRemaining"/> is. Also the CLI's status line's wording.</summary>
    internal string? RemainingText => ExpectedRemaining is { } remaining ? $"about {WholeSeconds(remaining)} left" : null;

    /// <summary>A line for a person: "Submitted job gen_…", "processing (12 s, about 40 s left)", "Downloaded 22,175 of 22,175 bytes".</summary>
    public override string ToString() => Phase switch
    {
        VideoProgressPhase.Submitted => $"Submitted job {JobId}",
        VideoProgressPhase.Processing => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {Status} ({Elapsed.TotalSeconds:0} s{(RemainingText is { } left ? $", {left}" : "")})"),
        VideoProgressPhase.Downloading => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Downloading {BytesReceived:N0}{(TotalBytes is { } total ? $" of {total:N0}" : "")} bytes"),
        _ when TotalBytes is not null || BytesReceived > 0 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Downloaded {BytesReceived:N0} bytes"),
        // Found done within the first second of waiting (a job that finished long ago): "after 0 s" would say it took no time.
        _ when Elapsed < TimeSpan.FromSeconds(1) => $"Job {JobId} is completed",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Job {JobId} completed after {Elapsed.TotalSeconds:0} s"),
    };

    /// <summary>Rounded to the second, never "0 s": an estimate this close is still "about a second", not done.</summary>
    private static string WholeSeconds(TimeSpan time)
    {
        var (minutes, seconds) = Math.DivRem(Math.Max(1, (long)Math.Round(time.TotalSeconds, MidpointRounding.AwayFromZero)), 60);
        return minutes == 0 ? FormattableString.Invariant($"{seconds} s")
            : seconds == 0 ? FormattableString.Invariant($"{minutes} min")
            : FormattableString.Invariant($"{minutes} min {seconds} s");
    }
}
