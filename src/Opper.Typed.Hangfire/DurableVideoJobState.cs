namespace Opper.Typed.Hangfire;

/// <summary>Where a durable video job stands. The first four move on by themselves; the last four are where it ends.</summary>
public enum DurableVideoJobState
{
    /// <summary>Stored, not sent yet: no worker has taken it, or Opper refused it for a while (a 429, a 5xx) and it waits to be sent again.</summary>
    Queued,

    /// <summary>A worker is sending <c>POST /v3/videos</c>: marked before the request left, so a rerun knows a job may exist.</summary>
    Submitting,

    /// <summary>Opper has the job (<see cref="DurableVideoJob.OpperJobId"/> is set); its status is checked on a schedule, no worker waits for it.</summary>
    Waiting,

    /// <summary>The clip is being fetched into its destination; a rerun fetches it again, never the POST.</summary>
    Downloading,

    /// <summary>The clip is whole at its destination.</summary>
    Completed,

    /// <summary>Ended without a clip: Opper refused the request, the provider failed the job, or it ran past the polling timeout (<see cref="DurableVideoJob.Error"/> says which).</summary>
    Failed,

    /// <summary>
    /// Stopped where only a person can decide: a POST whose answer was lost (a job may exist at Opper, and sending it
    /// again would pay twice), or a step that kept failing. <see cref="DurableVideoJob.Error"/> says what happened and what to do.
    /// </summary>
    NeedsAttention,

    /// <summary>
    /// Stopped on request: <see cref="IVideoJobScheduler.CancelAsync"/>, or Delete on the Hangfire dashboard. Before the
    /// POST the job is never sent; after it, no more checks and no download, and <see cref="DurableVideoJob.OpperJobId"/>
    /// is kept: Opper has no cancel endpoint, so that job still runs and is billed. <see cref="IVideoJobScheduler.ResumeAsync"/>
    /// (or Requeue on the dashboard) takes it up again by that id, without a second POST.
    /// </summary>
    Canceled,
}
