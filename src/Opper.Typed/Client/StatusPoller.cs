using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// One poll of a job's status resource. Error statuses, 429 and network failures are retried below, by the retry
/// handler; a <c>200</c> whose body is not a status (a proxy's HTML page, an empty or cut-off body) is retried here,
/// as many times and with the same backoff, because one bad answer must not end a wait for a paid job.
/// </summary>
internal sealed class StatusPoller(HttpClient api, VideoRetryOptions retry, TimeProvider time, ILogger logger, string apiKey)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public async Task<VideoStatus> PollAsync(Uri statusUri, string jobId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await api.GetAsync(statusUri, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ApiErrorMapper.Map(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), response.Headers, jobId, secret: apiKey);
            }

            // Buffered by the attempt handler below: parsed from its bytes, with no string made of a body that parses, and
            // opened synchronously, since reading memory never blocks and the asynchronous call allocates a task per poll.
            if (TryRead(response.Content.ReadAsStream(cancellationToken)) is { } status)
            {
                status.Id ??= jobId;
                // A server that says when to look again knows better than any schedule.
                status.PollAfter = RetryAfterHeader.Wait(response.Headers, time.GetUtcNow());
                return status;
            }

            if (attempt >= retry.MaxRetries)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new OpperApiException(
                    response.StatusCode, "invalid_response", $"the status of the job could not be read {attempt + 1} times; last body: {BodyText.FirstLine(body)}",
                    $"Something between the client and Opper is answering instead of the v3 API: check OpperVideoClientOptions.BaseAddress. The job keeps running: {JobErrors.HowToResume(jobId)}",
                    jobId: jobId);
            }

            Log.UnreadableStatus(logger, attempt + 1, jobId, (int)response.StatusCode);
            await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static VideoStatus? TryRead(Stream body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, OpperJsonContext.Default.VideoStatus) is { Status.Length: > 0 } status ? status : null;
        }
        catch (JsonException)
        {
            // Not JSON, or not a status object: the caller retries, and reports the body if it never improves.
            return null;
        }
    }

    private TimeSpan Backoff(int attempt) => global::Opper.Typed.Backoff.Doubling(retry.BaseDelay, attempt, MaxBackoff);
}
