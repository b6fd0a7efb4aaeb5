using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Opper.Typed;

/// <summary>Turns an error response into an <see cref="OpperApiException"/> with a hint the caller can act on.</summary>
internal static class ApiErrorMapper
{
    public static OpperApiException Map(HttpStatusCode status, string? body, HttpResponseHeaders? headers, string? jobId = null)
    {
        var (code, message, details) = ParseEnvelope(body);
        var retryAfter = RetryAfter(headers);
        return new OpperApiException(status, code, message, HintFor(status, retryAfter), details, retryAfter, jobId);
    }

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

    private static TimeSpan? RetryAfter(HttpResponseHeaders? headers)
    {
        var retryAfter = headers?.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
