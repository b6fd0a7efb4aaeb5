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
    /// <summary>A line for a person: "Submitted job gen_…", "processing (12 s)", "Downloaded 22,175 of 22,175 bytes".</summary>
    public override string ToString() => Phase switch
    {
        VideoProgressPhase.Submitted => $"Submitted job {JobId}",
        VideoProgressPhase.Processing => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  {Status} ({Elapsed.TotalSeconds:0} s)"),
        VideoProgressPhase.Downloading => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Downloading {BytesReceived:N0}{(TotalBytes is { } total ? $" of {total:N0}" : "")} bytes"),
        _ when TotalBytes is not null || BytesReceived > 0 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Downloaded {BytesReceived:N0} bytes"),
        // Found done within the first second of waiting (a job that finished long ago): "after 0 s" would say it took no time.
        _ when Elapsed < TimeSpan.FromSeconds(1) => $"Job {JobId} is completed",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Job {JobId} completed after {Elapsed.TotalSeconds:0} s"),
    };
}
