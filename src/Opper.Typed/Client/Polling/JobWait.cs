namespace Opper.Typed;

/// <summary>What a poll's answer means for a job being waited on.</summary>
internal enum WaitVerdict
{
    /// <summary>Still running: poll again after <see cref="JobWait.NextDelay"/>.</summary>
    Running,

    /// <summary>Completed, with a URL to download from.</summary>
    Completed,

    /// <summary>The provider failed the job.</summary>
    Failed,

    /// <summary>Said completed without a URL: most likely a gateway answering before the URL is stored, so poll again.</summary>
    CompletedWithoutUrl,

    /// <summary>Said completed without a URL <see cref="JobWait.MaxCompletedWithoutUrl"/> times in a row: an error, not a hiccup.</summary>
    NoUrl,
}

/// <summary>
/// The one wait logic, shared by a wait in process (<see cref="JobWaiter"/>) and a durable job's checker: what each
/// answer means, when to poll next, and when the wait has timed out. The wait's clock runs from the job's submission
/// when that is known (this client submitted it, or a durable record kept when), else from the wait's start, so a job
/// waited on in two places times out at the same moment.
/// </summary>
/// <param name="polling">The delays and the timeout.</param>
/// <param name="estimate">What jobs like this one took (the adaptive schedule); null for the fixed one.</param>
/// <param name="pollsBefore">Polls made before this wait took the job over (elsewhere): where its schedule goes on from.</param>
internal sealed class JobWait(VideoPollingOptions polling, CompletionEstimate? estimate, int pollsBefore = 0)
{
    /// <summary>How many polls in a row may say <c>completed</c> without a URL before that is an error, not a gateway's hiccup.</summary>
    internal const int MaxCompletedWithoutUrl = 3;

    /// <summary>Polls judged so far, with those made before this wait took the job over.</summary>
    public int Polls { get; private set; } = pollsBefore;

    /// <summary>
    /// A wait that takes over a job checked elsewhere until now (another server's checker, or an earlier run), which did
    /// not say how often: its schedule goes on as if the fixed schedule had polled it since its submission, not from a
    /// first poll's short delay.
    /// </summary>
    public static JobWait TakenOver(VideoPollingOptions polling, CompletionEstimate? estimate, TimeSpan sinceSubmission) =>
        new(polling, estimate, (int)Math.Round(PollSchedule.FixedPollsBy(polling, sinceSubmission)));

    /// <summary>Polls in a row that said completed without a URL.</summary>
    public int CompletedWithoutUrl { get; private set; }

    /// <summary>The last answer judged; null before the first.</summary>
    public VideoStatus? Last { get; private set; }

    /// <summary>What jobs like this one took; null while nothing is learned.</summary>
    public CompletionEstimate? Estimate { get; private set; } = estimate;

    /// <summary>
    /// Follows what jobs like this one took from now on: learned while this wait ran (the first of its shape finished
    /// elsewhere), so its later polls aim at the likely end rather than at the fixed schedule's next step.
    /// </summary>
    public void Learn(CompletionEstimate learned) => Estimate = learned;

    /// <summary>Time left before the timeout, <paramref name="waited"/> after the wait's clock started.</summary>
    public TimeSpan Remaining(TimeSpan waited) => polling.Timeout - waited;

    /// <summary>
    /// The delay before the next poll: a <c>Retry-After</c> the last answer carried (never below the floor), else the
    /// schedule's, and never past the timeout.
    /// </summary>
    /// <param name="sinceSubmission">Time since the job was submitted (the wait's start when unknown).</param>
    /// <param name="random">The jitter's source; null for <see cref="Random.Shared"/>.</param>
    public TimeSpan NextDelay(TimeSpan sinceSubmission, Random? random = null)
    {
        var delay = Last?.PollAfter is { } asked ? PollSchedule.AsAsked(polling, asked) : PollSchedule.Next(polling, Estimate, Polls, sinceSubmission, random);
        return WithinTimeout(delay, sinceSubmission);
    }

    /// <summary>
    /// The delay after the poll about to be made, should it say the job is still running and ask no <c>Retry-After</c>:
    /// what <see cref="NextDelay"/> would then give. A durable checker claims the job until then before it polls, so a
    /// running job costs one write a check.
    /// </summary>
    /// <param name="sinceSubmission">Time since the job was submitted, at the poll.</param>
    /// <param name="random">The jitter's source; null for <see cref="Random.Shared"/>.</param>
    public TimeSpan PlanIfRunning(TimeSpan sinceSubmission, Random? random = null)
    {
        return WithinTimeout(PollSchedule.Next(polling, Estimate, Polls + 1, sinceSubmission, random), sinceSubmission);
    }

    /// <summary>A delay that ends no later than the timeout, and never below zero.</summary>
    private TimeSpan WithinTimeout(TimeSpan delay, TimeSpan sinceSubmission)
    {
        var remaining = Remaining(sinceSubmission);
        return delay < remaining ? delay : remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>Judges one answer and counts it.</summary>
    public WaitVerdict Judge(VideoStatus status)
    {
        Polls++;
        Last = status;
        switch (status.State)
        {
            case VideoJobState.Completed when string.IsNullOrEmpty(status.Url):
                return ++CompletedWithoutUrl >= MaxCompletedWithoutUrl ? WaitVerdict.NoUrl : WaitVerdict.CompletedWithoutUrl;
            case VideoJobState.Completed:
                return WaitVerdict.Completed;
            case VideoJobState.Failed:
                return WaitVerdict.Failed;
            default:
                CompletedWithoutUrl = 0;
                return WaitVerdict.Running;
        }
    }

    /// <summary>The error for <see cref="WaitVerdict.NoUrl"/>: the job is paid for, so it says how to pick it up again.</summary>
    public OpperApiException NoUrlError(string jobId) =>
        new(System.Net.HttpStatusCode.OK, "missing_url", $"the job reported 'completed' without a download URL {CompletedWithoutUrl} times in a row",
            $"The clip cannot be fetched yet. The job is paid for: {JobErrors.HowToResume(jobId)} If it persists, contact Opper support with the job id.",
            jobId: jobId);
}
