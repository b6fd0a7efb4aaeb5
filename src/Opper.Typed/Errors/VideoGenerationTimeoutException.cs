namespace Opper.Typed;

/// <summary>
/// Waiting gave up while the job was still running. The job is paid for and may still finish: resume it with
/// <see cref="OpperVideoClient.GetGenerationOperation"/> and <see cref="JobId"/>, from this or any other process.
/// </summary>
public sealed class VideoGenerationTimeoutException : OpperException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The job still running.</param>
    /// <param name="waited">How long the client waited.</param>
    /// <param name="lastStatus">The last status seen, if any.</param>
    public VideoGenerationTimeoutException(string jobId, TimeSpan waited, VideoStatus? lastStatus)
        : base($"Video job {jobId} was still '{lastStatus?.Status ?? "processing"}' after {waited:g}. It keeps running: resume with client.GetGenerationOperation(\"{jobId}\") (or WaitForCompletionAsync(\"{jobId}\")), or raise OpperVideoClientOptions.Polling.Timeout.")
    {
        JobId = jobId;
        Waited = waited;
        LastStatus = lastStatus;
    }

    /// <summary>The job still running.</summary>
    public string JobId { get; }

    /// <summary>How long the client waited.</summary>
    public TimeSpan Waited { get; }

    /// <summary>The last status seen, if any.</summary>
    public VideoStatus? LastStatus { get; }
}
