namespace Opper.Typed;

/// <summary>
/// The caller cancelled after the job was submitted (or while its <c>POST</c> was in flight). It is an
/// <see cref="OperationCanceledException"/>, so code that handles cancellation keeps working, and it carries the
/// <see cref="JobId"/>: the job keeps running at Opper and is billed, so it can be resumed with
/// <see cref="OpperVideoClient.GetGenerationOperation"/>.
/// </summary>
public sealed class VideoGenerationCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The job, or null when the cancellation came before the <c>POST</c>'s answer.</param>
    /// <param name="message">What was stopped and how to resume.</param>
    /// <param name="innerException">The cancellation as it surfaced.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    public VideoGenerationCanceledException(string? jobId, string message, Exception? innerException, CancellationToken cancellationToken)
        : base(message, innerException, cancellationToken)
    {
        JobId = jobId;
    }

    /// <summary>
    /// The job, to resume with <see cref="OpperVideoClient.GetGenerationOperation"/>. Null when the <c>POST</c> was cancelled
    /// before its answer arrived: the job may then exist without the client knowing its id.
    /// </summary>
    public string? JobId { get; }
}
