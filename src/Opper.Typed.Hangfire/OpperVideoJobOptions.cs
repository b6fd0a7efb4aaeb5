namespace Opper.Typed.Hangfire;

/// <summary>How durable video jobs run; set with <see cref="OpperVideoJobsServiceCollectionExtensions.AddOpperVideoJobs"/>. Polling delays and the overall timeout are the client's (<see cref="OpperVideoClientOptions.Polling"/>).</summary>
public sealed class OpperVideoJobOptions
{
    /// <summary>The Hangfire queue the steps run on. Default <c>default</c>; lower-case letters, digits, underscores and hyphens, as Hangfire requires.</summary>
    public string Queue { get; set; } = "default";

    /// <summary>
    /// When a POST's answer was lost (the job may exist at Opper), send it again instead of stopping in
    /// <see cref="DurableVideoJobState.NeedsAttention"/>: a second paid job whenever the first one exists. Default false.
    /// </summary>
    public bool ResubmitUncertainSubmissions { get; set; }

    /// <summary>
    /// The largest request (its JSON, inline media included) a job stores. A data-URI image lives in every copy of the job
    /// the storage reads; past this, <c>EnqueueAsync</c> refuses it and names the fix (upload it to Opper Files and pass its file id, or raise
    /// this). Default 1 MiB.
    /// </summary>
    public int MaxStoredRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a completed job stays readable (<see cref="IVideoJobScheduler.GetJobAsync"/>, the dashboard) before Hangfire expires it. Default 7 days.</summary>
    public TimeSpan CompletedJobRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many times in a row a step may fail (the network, the disk, a sink, a completion handler) before the job stops in
    /// <see cref="DurableVideoJobState.NeedsAttention"/>. Default 10.
    /// </summary>
    public int MaxStepFailures { get; set; } = 10;

    /// <summary>The delay before a failed step runs again, doubled after each failure in a row, at most ten minutes. Default 5 s.</summary>
    public TimeSpan StepRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The delay before retry <paramref name="failures"/> of a step or a check: <see cref="StepRetryDelay"/> doubled each time, at most ten minutes.</summary>
    internal TimeSpan RetryDelayAfter(int failures) => Backoff.Doubling(StepRetryDelay, failures - 1, TimeSpan.FromMinutes(10));

    /// <summary>How many times in a row Opper may refuse the POST with a passing error (429, 5xx) or be unreachable before the job fails. Default 10.</summary>
    public int MaxSubmitAttempts { get; set; } = 10;
}
