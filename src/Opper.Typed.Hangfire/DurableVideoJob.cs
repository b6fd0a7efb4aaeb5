namespace Opper.Typed.Hangfire;

/// <summary>A durable video job as its storage knows it: returned by <see cref="IVideoJobScheduler.GetJobAsync"/> and <see cref="IVideoJobScheduler.ListJobsAsync"/>.</summary>
public sealed class DurableVideoJob
{
    internal DurableVideoJob(string key, Storage.VideoJobRecord record)
    {
        Key = key;
        State = record.State;
        OpperJobId = record.OpperJobId;
        Model = record.Model;
        DestinationPath = record.Destination;
        SinkName = record.Sink;
        Error = record.Error;
        EnqueuedAt = record.EnqueuedAt;
        SubmittedAt = record.SubmittedAt;
        EndedAt = record.EndedAt;
        Checks = record.Checks;
        Bytes = record.Bytes;
        WaitingForBudgetUntil = record.WaitingForBudgetUntil;
    }

    /// <summary>The key <see cref="IVideoJobScheduler.EnqueueAsync(IVideoRequest, string, CancellationToken)"/> returned: the Hangfire job id, so the dashboard's job page is <c>/jobs/details/{Key}</c>.</summary>
    public string Key { get; }

    /// <summary>Where the job stands.</summary>
    public DurableVideoJobState State { get; }

    /// <summary>Opper's job id (<c>gen_…</c>) once the POST was answered; null before. With it the clip can always be fetched while Opper keeps it.</summary>
    public string? OpperJobId { get; }

    /// <summary>The model id, e.g. <c>vertexai/veo-3.1-fast-generate-001</c>.</summary>
    public string Model { get; }

    /// <summary>The file the clip is written to (full path, as resolved when enqueued), or for a sink the name the clip is given there.</summary>
    public string DestinationPath { get; }

    /// <summary>The name of the <see cref="IVideoJobSink"/> that receives the clip; null when it goes to a file.</summary>
    public string? SinkName { get; }

    /// <summary>Why the job failed or needs attention, with what to do; for a job still moving, the last problem it recovered from; null otherwise.</summary>
    public string? Error { get; }

    /// <summary>When the job was stored.</summary>
    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>When Opper answered the POST; null before.</summary>
    public DateTimeOffset? SubmittedAt { get; }

    /// <summary>When the job completed, failed or stopped for attention; null while it moves.</summary>
    public DateTimeOffset? EndedAt { get; }

    /// <summary>How many times its status was checked.</summary>
    public int Checks { get; }

    /// <summary>The clip's size once delivered.</summary>
    public long? Bytes { get; }

    /// <summary>
    /// When the job, queued, will try its POST again because <see cref="OpperVideoClientOptions.Budget"/> had no room for it
    /// (then enough of the window's spending has expired); null when it is not waiting for the budget.
    /// </summary>
    public DateTimeOffset? WaitingForBudgetUntil { get; }

    /// <inheritdoc />
    public override string ToString() => $"DurableVideoJob {Key}: {State}{(OpperJobId is null ? "" : $" ({OpperJobId})")} -> {DestinationPath}";
}
