namespace Opper.Typed.Hangfire;

/// <summary>
/// A waiting job as one server's checker holds it between checks: the operation that polls it and learns from it, and
/// the wait that judges its answers, both rebuilt from its state when another server started the wait.
/// </summary>
internal sealed class WaitingJob(string key, WaitingJobData data, VideoGenerationOperation operation, JobWait wait)
{
    public string Key => key;

    public WaitingJobData Data => data;

    public VideoGenerationOperation Operation => operation;

    public JobWait Wait => wait;

    /// <summary>Checks in a row that failed (the network, a 5xx); reset by one that went through.</summary>
    public int Failures { get; set; }

    /// <summary>Whether its clip is in place and only the completion handlers failed since: those failures count afresh.</summary>
    public bool HandlersFailing { get; set; }

    /// <summary>When this server plans to check it next.</summary>
    public DateTimeOffset NextCheckAt { get; set; }

    /// <summary>Time since Opper accepted the job.</summary>
    public TimeSpan SinceSubmission(DateTimeOffset now) => now - data.SubmittedAt;
}
