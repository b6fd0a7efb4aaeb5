using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// What one step of a durable video job leaves for Hangfire: check again after a delay, or the end. Returned by
/// <see cref="VideoJobSteps.RunAsync"/> and turned into Hangfire's next state by the steps' state filter; not for direct use.
/// </summary>
internal sealed class VideoJobStepResult
{
    private VideoJobStepResult(DurableVideoJobState state, TimeSpan? nextStepIn, string message, TimeSpan retention, OpperWaitingState? waiting = null)
    {
        Waiting = waiting;
        State = state;
        NextStepIn = nextStepIn;
        Message = message;
        Retention = retention;
    }

    /// <summary>The job's state after the step.</summary>
    public DurableVideoJobState State { get; }

    /// <summary>When the next step runs; null when the job has ended.</summary>
    public TimeSpan? NextStepIn { get; }

    /// <summary>What happened, as the dashboard shows it beside the state.</summary>
    public string Message { get; }

    /// <summary>Opper has the job: it waits in this state, checked by the checker, not by a step.</summary>
    internal OpperWaitingState? Waiting { get; }

    /// <summary>The checks of a wait the checker ended: written into the record with the end.</summary>
    internal int? Checks { get; init; }

    /// <summary>How long Hangfire keeps a completed job.</summary>
    internal TimeSpan Retention { get; }

    /// <summary>The record as the step leaves it: written inside the state change this result leads to; null leaves the record as it is.</summary>
    internal PendingRecord? Record { get; private set; }

    /// <summary>Has <paramref name="record"/> written with the state change this result leads to.</summary>
    internal VideoJobStepResult Writing(PendingRecord record)
    {
        Record = record;
        return this;
    }

    internal static VideoJobStepResult Again(DurableVideoJobState state, TimeSpan delay, string message) =>
        new(state, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, message, TimeSpan.Zero);

    internal static VideoJobStepResult WaitFor(OpperWaitingState waiting) =>
        new(DurableVideoJobState.Waiting, nextStepIn: null, waiting.Reason ?? "", TimeSpan.Zero, waiting);

    internal static VideoJobStepResult Ended(DurableVideoJobState state, string message, TimeSpan retention, int? checks = null) =>
        new(state, nextStepIn: null, message, retention) { Checks = checks };

    /// <inheritdoc />
    public override string ToString() => Message;
}
