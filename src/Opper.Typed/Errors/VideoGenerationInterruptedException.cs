namespace Opper.Typed;

/// <summary>
/// The client lost contact with a submitted job: a poll or the download failed on the network, timed out, or could
/// not be written to disk. The job itself is unaffected (it runs, and is billed, at Opper): resume it with
/// <see cref="OpperVideoClient.GetGenerationOperation"/> and <see cref="JobId"/>. The cause is the inner exception.
/// </summary>
public sealed class VideoGenerationInterruptedException : OpperException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="message">What failed and how to resume.</param>
    /// <param name="innerException">The cause: an <see cref="HttpRequestException"/>, <see cref="IOException"/>, a timeout, ….</param>
    public VideoGenerationInterruptedException(string jobId, string message, Exception innerException)
        : base(message, innerException)
    {
        JobId = jobId;
    }

    /// <summary>The job, to resume with <see cref="OpperVideoClient.GetGenerationOperation"/>.</summary>
    public string JobId { get; }
}
