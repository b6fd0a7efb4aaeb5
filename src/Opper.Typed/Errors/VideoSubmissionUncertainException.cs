namespace Opper.Typed;

/// <summary>
/// The <c>POST /v3/videos</c> left the process but its answer was lost (the connection was reset, the answer was cut
/// off or unreadable, or it did not arrive within <see cref="OpperVideoClientOptions.RequestTimeout"/>). The client did
/// not send the request again, because a second <c>POST</c> is a second paid job. When the part of the answer that
/// arrived named the job, <see cref="JobId"/> carries it: the job exists, resume it with
/// <see cref="OpperVideoClient.GetGenerationOperation"/>. Otherwise the job may have been created, and billed, without
/// the client learning its id: check the Opper dashboard before submitting it again.
/// </summary>
public sealed class VideoSubmissionUncertainException : OpperException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The model the request was for.</param>
    /// <param name="message">What was lost and what to do.</param>
    /// <param name="innerException">The cause as it surfaced.</param>
    public VideoSubmissionUncertainException(string model, string message, Exception innerException)
        : base(message, innerException)
    {
        Model = model;
    }

    /// <summary>The model the request was for.</summary>
    public string Model { get; }

    /// <summary>
    /// The job's id when the answer named it before it broke off (the job then exists: resume it with
    /// <see cref="OpperVideoClient.GetGenerationOperation"/>); null when no whole id was received.
    /// </summary>
    public string? JobId { get; init; }

    /// <summary>The job's <c>status_url</c> when it arrived whole; null otherwise (polling by <see cref="JobId"/> needs none).</summary>
    public string? StatusUrl { get; init; }
}
