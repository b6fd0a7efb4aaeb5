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
    long? TotalBytes = null);
