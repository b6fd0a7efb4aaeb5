using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>The polling loop: first delay, then a gently growing interval, bounded by an overall timeout.</summary>
internal sealed class JobWaiter(
    Func<string, CancellationToken, Task<VideoStatus>> poll,
    VideoPollingOptions polling,
    TimeProvider time,
    ILogger logger)
{
    public async Task<VideoStatus> WaitAsync(string jobId, IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var delay = polling.FirstPollDelay;
        var interval = polling.Interval;
        VideoStatus? last = null;
        while (true)
        {
            var remaining = polling.Timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new VideoGenerationTimeoutException(jobId, time.GetElapsedTime(started), last);
            }

            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            last = await poll(jobId, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            switch (last.State)
            {
                case VideoJobState.Completed when string.IsNullOrEmpty(last.Url):
                    // A completed job without a URL is unusable; it is more likely a gateway quirk than the end.
                    logger.LogWarning("Video job {JobId} reported completed without a URL; polling again", jobId);
                    break;
                case VideoJobState.Completed:
                    logger.LogInformation("Video job {JobId} completed after {Elapsed}", jobId, elapsed);
                    progress?.Report(new VideoProgress(VideoProgressPhase.Completed, jobId, elapsed, last.Status));
                    return last;
                case VideoJobState.Failed:
                    logger.LogWarning("Video job {JobId} failed: {Error}", jobId, last.Error);
                    throw new VideoGenerationFailedException(jobId, last.Error, last);
                default:
                    logger.LogDebug("Video job {JobId} is {Status} after {Elapsed}", jobId, last.Status, elapsed);
                    progress?.Report(new VideoProgress(VideoProgressPhase.Processing, jobId, elapsed, last.Status));
                    break;
            }

            delay = interval;
            interval = polling.NextDelay(interval);
        }
    }
}
