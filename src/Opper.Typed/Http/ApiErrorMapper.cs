using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Opper.Typed;

/// <summary>Turns an error response into an <see cref="OpperApiException"/> with a hint the caller can act on.</summary>
internal static class ApiErrorMapper
{
    /// <param name="status">The response status.</param>
    /// <param name="body">The response body, if any.</param>
    /// <param name="headers">The response headers (for Retry-After).</param>
    /// <param name="jobId">The job the call was about, carried by the exception.</param>
    /// <param name="secret">The API key: a server that echoes it in an error must not put it in an exception, a log or a ToString.</param>
    /// <param name="fromDownloadHost">True for the presigned download host, which never gets the key: its 401/403 mean the URL, not the key.</param>
    public static OpperApiException Map(HttpStatusCode status, string? body, HttpResponseHeaders? headers, string? jobId = null, string? secret = null, bool fromDownloadHost = false)
    {
        if ((int)status is >= 300 and < 400)
        {
            return Unfollowed(status, headers?.Location, jobId);
        }

        var (code, message, details) = ParseEnvelope(Scrub(body, secret));
        var retryAfter = RetryAfterHeader.Wait(headers, DateTimeOffset.UtcNow);
        var hint = fromDownloadHost && (int)status is 401 or 403
            ? "The download host refused the URL (expired, or not valid for this host); the API key is not sent there. Poll the job again for a fresh URL."
            : HintFor(status, retryAfter);
        return new OpperApiException(status, code, message, hint, details, retryAfter, jobId);
    }

    /// <summary>A redirect <see cref="SameOriginRedirectHandler"/> did not follow: to another origin, or one hop too many.</summary>
    private static OpperApiException Unfollowed(HttpStatusCode status, Uri? location, string? jobId)
    {
        var resume = jobId is null ? "" : $" The job keeps running: {JobErrors.HowToResume(jobId)}";
        return new OpperApiException(
            status, "redirect_not_followed",
            $"the API redirected to {location?.ToString() ?? "(no Location)"}, which was not followed: only redirects on the API's own origin are, because the key and a job's status are trusted from that origin alone",
            $"Point OpperVideoClientOptions.BaseAddress at the Opper API itself, not at a proxy or gateway that sends its callers elsewhere.{resume}",
            jobId: jobId);
    }

    /// <summary>The text with every occurrence of the secret replaced.</summary>
    public static string? Scrub(string? text, string? secret) =>
        text is null || string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);

    public static string HintFor(HttpStatusCode status, TimeSpan? retryAfter = null) => (int)status switch
    {
        400 => "Check the model id, prompt, media inputs and parameter keys and types for this model.",
        401 => "Check the API key (OPPER_API_KEY): it is missing, revoked, or of another project.",
        402 => "The Opper wallet is empty: top up credits in the Opper dashboard, then retry.",
        403 => "The key is not allowed to do this, or a download URL expired; poll the job again for a fresh URL.",
        404 => "Not found: check the model id (GET /v3/videos/models lists them) or the job id.",
        408 => "The request timed out; it is safe to poll again.",
        429 => retryAfter is { } wait ? $"Rate limited: retry after {wait.TotalSeconds:0} s." : "Rate limited: retry later.",
        >= 500 => "Opper or the provider had a server error; try again later. A job that was created keeps running: poll it by id.",
        _ => "See the error code and message.",
    };

    private static (string? Code, string? Message, JsonElement? Details) ParseEnvelope(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null, null);
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, OpperJsonContext.Default.ApiErrorEnvelope)?.Error;
            if (error is not null)
            {
                return (error.Code, error.Message, error.Details);
            }
        }
        catch (JsonException)
        {
            // A proxy or storage host answered with HTML or XML; its first line is still worth showing.
        }

        var firstLine = body.AsSpan().Trim();
        var newline = firstLine.IndexOfAny('\r', '\n');
        var text = (newline >= 0 ? firstLine[..newline] : firstLine).ToString();
        return (null, text.Length > 200 ? text[..200] + "…" : text, null);
    }
}
