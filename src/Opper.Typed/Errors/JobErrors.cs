namespace Opper.Typed;

/// <summary>
/// Turns whatever fails after a job was submitted into an exception that carries the job id, so a paid job is never
/// lost: the caller's cancellation into <see cref="VideoGenerationCanceledException"/>, anything else (network, timeout,
/// disk) into <see cref="VideoGenerationInterruptedException"/>, each with the original as its inner exception.
/// </summary>
internal static class JobErrors
{
    /// <summary>Whether <paramref name="exception"/> still needs the job id: ours already carry it, and argument errors are the caller's.</summary>
    public static bool NeedsJobId(Exception exception) => exception is not (
        VideoGenerationFailedException or VideoGenerationTimeoutException or VideoGenerationCanceledException
        or VideoGenerationInterruptedException or OpperApiException { JobId: not null } or ArgumentException);

    /// <param name="exception">What surfaced.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="activity">What the client was doing, e.g. "waiting for" or "downloading".</param>
    /// <param name="cancellationToken">The caller's token: only its cancellation counts as the caller's.</param>
    public static Exception WithJobId(Exception exception, string jobId, string activity, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return new VideoGenerationCanceledException(
                jobId, $"Stopped {activity} video job {jobId}. The job keeps running at Opper and is billed: {HowToResume(jobId)}", exception, cancellationToken);
        }

        var cause = exception is OperationCanceledException ? "the call timed out" : exception.Message.TrimEnd('.');
        return new VideoGenerationInterruptedException(
            jobId, $"Lost video job {jobId} while {activity} it: {cause}. The job keeps running at Opper and is billed: {HowToResume(jobId)}", exception);
    }

    public static string HowToResume(string jobId) =>
        $"resume with client.GetGenerationOperation(\"{jobId}\"), then WaitForCompletionAsync, DownloadToFileAsync or OpenReadAsync.";
}
