using System.Net;
using System.Text.Json;

namespace Opper.Typed;

/// <summary>
/// The Opper API (or the download host) answered with an error status. Carries the status, the v3 error code,
/// the server's message and an actionable hint. Never carries the API key or request headers.
/// </summary>
public sealed class OpperApiException : OpperException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errorCode">The v3 error code, if the body had one.</param>
    /// <param name="serverMessage">The server's message, if any.</param>
    /// <param name="hint">What the caller can do about it.</param>
    /// <param name="details">The error's <c>details</c>, if any.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if any.</param>
    /// <param name="jobId">The job the failed call concerned, if any.</param>
    public OpperApiException(HttpStatusCode status, string? errorCode, string? serverMessage, string hint, JsonElement? details = null, TimeSpan? retryAfter = null, string? jobId = null)
        : base(Compose(status, errorCode, serverMessage, hint, jobId))
    {
        Status = status;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        Hint = hint;
        Details = details;
        RetryAfter = retryAfter;
        JobId = jobId;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The v3 error <c>code</c>, if the body had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's <c>message</c>, if any.</summary>
    public string? ServerMessage { get; }

    /// <summary>What the caller can do about it.</summary>
    public string Hint { get; }

    /// <summary>The error's <c>details</c>, whatever their JSON shape.</summary>
    public JsonElement? Details { get; }

    /// <summary>How long the server asked to wait before retrying (429/503).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The job the failed call concerned, so a paid job can be resumed with <see cref="OpperVideoClient.WaitForCompletionAsync"/>.</summary>
    public string? JobId { get; }

    private static string Compose(HttpStatusCode status, string? code, string? message, string hint, string? jobId)
    {
        var text = $"Opper API returned {(int)status} {status}";
        if (!string.IsNullOrEmpty(code))
        {
            text += $" ({code})";
        }

        if (!string.IsNullOrEmpty(message))
        {
            text += $": {message.TrimEnd('.')}";
        }

        if (jobId is not null)
        {
            text += $" [job {jobId}]";
        }

        return $"{text}. {hint}";
    }
}
