using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Opper.Typed;

/// <summary>
/// Answers every Opper.Typed failure as RFC 9457 ProblemDetails, so a caller of this app gets a status it can act on
/// and the job id whenever a paid job exists, instead of an empty 500 with the details only in the server log.
/// </summary>
internal sealed class OpperProblemDetails(IProblemDetailsService problems, ILogger<OpperProblemDetails> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            OpperValidationException invalid => Problem(400, "The request is not valid for the model", invalid.Message,
                ("model", invalid.Model), ("field", invalid.Field), ("fix", invalid.Fix)),
            OpperApiException { Status: System.Net.HttpStatusCode.NotFound } notFound => Problem(404, "No such video job",
                notFound.ServerMessage ?? notFound.Message, ("jobId", notFound.JobId)),
            OpperApiException upstream => Problem(502, "Opper answered with an error", upstream.ServerMessage ?? upstream.Message,
                ("upstreamStatus", (int)upstream.Status), ("errorCode", upstream.ErrorCode), ("jobId", upstream.JobId)),
            VideoGenerationFailedException failed => Problem(502, "The video job failed", failed.ProviderError ?? failed.Message, ("jobId", failed.JobId)),
            VideoGenerationTimeoutException timeout => Problem(503, "The video job is still running", timeout.Message, ("jobId", timeout.JobId)),
            VideoGenerationInterruptedException interrupted => Problem(503, "The video job could not be followed", interrupted.Message, ("jobId", interrupted.JobId)),
            VideoSubmissionUncertainException { JobId: { } id } named => Problem(503, "The job was created but its answer was cut off; it was not sent again", named.Message, ("jobId", id)),
            VideoSubmissionUncertainException uncertain => Problem(503, "The job may have been created; it was not sent again", uncertain.Message),
            BadHttpRequestException { InnerException: JsonException json } => Unreadable(json),
            BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read", bad.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false; // not ours: the default handler answers 500
        }

        logger.LogWarning(exception, "Answered {Status} {Title}", problem.Status, problem.Title);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A body that is not JSON, or a field of the wrong type: which field (where the reader stopped), what it must be, and
    /// the reader's own words, so a caller can fix the request without reading this app's code.
    /// </summary>
    private static ProblemDetails Unreadable(JsonException json)
    {
        // "$.seconds" names the field; "$" (or nothing) is the body as a whole.
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        var reader = json.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ');
        var fix = field switch
        {
            "seconds" => "Send seconds as a JSON number: 4, 8 or 12, e.g. {\"prompt\": \"a cat\", \"seconds\": 8}.",
            "prompt" => "Send prompt as a JSON string, e.g. {\"prompt\": \"a hot air balloon at dawn\"}.",
            _ => "Send a JSON object such as {\"prompt\": \"a hot air balloon at dawn\", \"seconds\": 8}.",
        };
        return Problem(400, "The request body is not valid for this endpoint", $"'{field}' could not be read: {reader}.", ("field", field), ("fix", fix));
    }

    private static ProblemDetails Problem(int status, string title, string detail, params (string Key, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions.Where(e => e.Value is not null))
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
