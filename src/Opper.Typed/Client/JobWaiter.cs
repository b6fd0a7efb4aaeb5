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
        // The wait's clock: from the submission when this client made it, so the timeout means the same here as in a durable job.
        var clock = submittedAt ?? started;
        if (estimate is { } expected && polling.Adaptive)
        {
            Log.PollingAround(logger, jobId, expected.Mean, expected.Jobs);
        }

        var wait = new JobWait(polling, estimate);
        while (true)
        {
            var delay = wait.Polls == 0 && pollAtOnce ? TimeSpan.Zero : wait.NextDelay(time.GetElapsedTime(clock));
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            var status = await PollWithinDeadlineAsync(jobId, clock, wait.Last, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            switch (wait.Judge(status))
            {
                case WaitVerdict.NoUrl:
                    throw wait.NoUrlError(jobId);
                case WaitVerdict.CompletedWithoutUrl:
                    // Most likely a gateway answering before the URL is stored: poll again before calling it an error.
                    Log.CompletedWithoutUrl(logger, jobId);
                    break;
                case WaitVerdict.Completed:
                    Log.Completed(logger, jobId, elapsed);
                    progress?.Report(new VideoProgress(VideoProgressPhase.Completed, jobId, elapsed, status.Status));
                    return status;
                case WaitVerdict.Failed:
                    Log.Failed(logger, jobId, status.Error);
                    throw new VideoGenerationFailedException(jobId, status.Error, status);
                default:
                    Log.StillRunning(logger, jobId, status.Status, elapsed);
                    progress?.Report(new VideoProgress(VideoProgressPhase.Processing, jobId, elapsed, status.Status)
                    {
                        ExpectedRemaining = estimate?.RemainingAfter(time.GetElapsedTime(clock)),
                    });
                    break;
            }
        }
    }

    private async Task<VideoStatus> PollWithinDeadlineAsync(string jobId, long clock, VideoStatus? last, CancellationToken cancellationToken)
    {
        var remaining = Remaining(clock);
        if (remaining <= TimeSpan.Zero)
        {
            throw new VideoGenerationTimeoutException(jobId, time.GetElapsedTime(clock), last);
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
            throw new VideoGenerationTimeoutException(jobId, time.GetElapsedTime(clock), last);
        }
    }

    private TimeSpan Remaining(long clock) => polling.Timeout - time.GetElapsedTime(clock);
}
