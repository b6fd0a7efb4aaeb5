using System.Net;
using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// The polling loop: first delay, then a gently growing interval, bounded by an overall timeout that also bounds a
/// poll in flight (so a long <c>Retry-After</c> cannot outlast it).
/// </summary>
/// <param name="poll">Polls the job once.</param>
/// <param name="polling">The delays and the timeout.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">Where polls are logged.</param>
/// <param name="estimate">What jobs like this one took (the adaptive schedule); null for the fixed one.</param>
/// <param name="submittedAt">When the job was submitted, as a timestamp of <paramref name="time"/>; null when unknown (the wait's start counts).</param>
internal sealed class JobWaiter(
    Func<string, CancellationToken, Task<VideoStatus>> poll,
    VideoPollingOptions polling,
    TimeProvider time,
    ILogger logger,
    CompletionEstimate? estimate = null,
    long? submittedAt = null)
{
    /// <summary>How many polls in a row may say <c>completed</c> without a URL before that is an error, not a gateway's hiccup.</summary>
    internal const int MaxCompletedWithoutUrl = 3;

    /// <param name="jobId">The job.</param>
    /// <param name="progress">Receives each poll's status.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="pollAtOnce">
    /// Poll before any delay: for a job picked up by id, which may have finished long ago (the first-poll delay is for a
    /// job just submitted, which cannot have).
    /// </param>
    public async Task<VideoStatus> WaitAsync(string jobId, IProgress<VideoProgress>? progress, CancellationToken cancellationToken, bool pollAtOnce = false)
    {
        var started = time.GetTimestamp();
        if (estimate is { } expected && polling.Adaptive)
        {
            Log.PollingAround(logger, jobId, expected.Mean, expected.Jobs);
        }

        var polls = 0;
        var completedWithoutUrl = 0;
        VideoStatus? last = null;
        while (true)
        {
            var delay = polls == 0 && pollAtOnce ? TimeSpan.Zero
                : last?.PollAfter is { } asked ? PollSchedule.AsAsked(polling, asked) : PollSchedule.Next(polling, estimate, polls, SinceSubmission(started));
            await Task.Delay(Min(delay, Remaining(started)), time, cancellationToken).ConfigureAwait(false);
            last = await PollWithinDeadlineAsync(jobId, started, last, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            switch (last.State)
            {
                case VideoJobState.Completed when string.IsNullOrEmpty(last.Url):
                    if (++completedWithoutUrl >= MaxCompletedWithoutUrl)
                    {
                        throw new OpperApiException(
                            HttpStatusCode.OK, "missing_url", $"the job reported 'completed' without a download URL {completedWithoutUrl} times in a row",
                            $"The clip cannot be fetched yet. The job is paid for: {JobErrors.HowToResume(jobId)} If it persists, contact Opper support with the job id.",
                            jobId: jobId);
                    }

                    // Most likely a gateway answering before the URL is stored: poll again before calling it an error.
                    Log.CompletedWithoutUrl(logger, jobId);
                    break;
                case VideoJobState.Completed:
                    Log.Completed(logger, jobId, elapsed);
                    progress?.Report(new VideoProgress(VideoProgressPhase.Completed, jobId, elapsed, last.Status));
                    return last;
                case VideoJobState.Failed:
                    Log.Failed(logger, jobId, last.Error);
                    throw new VideoGenerationFailedException(jobId, last.Error, last);
                default:
                    completedWithoutUrl = 0;
                    Log.StillRunning(logger, jobId, last.Status, elapsed);
                    progress?.Report(new VideoProgress(VideoProgressPhase.Processing, jobId, elapsed, last.Status)
                    {
                        ExpectedRemaining = estimate?.RemainingAfter(SinceSubmission(started)),
                    });
                    break;
            }

            polls++;
        }
    }

    private async Task<VideoStatus> PollWithinDeadlineAsync(string jobId, long started, VideoStatus? last, CancellationToken cancellationToken)
    {
        var remaining = Remaining(started);
        if (remaining <= TimeSpan.Zero)
        {
            throw new VideoGenerationTimeoutException(jobId, time.GetElapsedTime(started), last);
        }

        using var deadline = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await poll(jobId, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The overall timeout passed during the poll (a long Retry-After, a slow host): that is the wait's timeout.
            throw new VideoGenerationTimeoutException(jobId, time.GetElapsedTime(started), last);
        }
    }

    /// <summary>What the estimate is measured from: the submission, or the wait's start for a job whose submission this client did not see.</summary>
    private TimeSpan SinceSubmission(long started) => time.GetElapsedTime(submittedAt ?? started);

    private TimeSpan Remaining(long started) => polling.Timeout - time.GetElapsedTime(started);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b < TimeSpan.Zero ? TimeSpan.Zero : b;
}
