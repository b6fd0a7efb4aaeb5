using Hangfire;
using System.Globalization;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Turns each step's <see cref="VideoJobStepResult"/> into the Hangfire job's next state: <see cref="OpperWaitingState"/>
/// (no worker thread waits for Opper: the checker polls), a scheduled re-run, success, or a failure that is not retried
/// (the step already decided); and writes the record the step left (<see cref="PendingRecord"/>) inside that change.
/// The Processing change sets the submit mark before a POST may leave. When Hangfire itself gives up on a step (its
/// retries exhausted) or the job is deleted from the dashboard, the record says so. A new job is listed as queued in the
/// transaction that creates it. So a record changes with its job's state, under Hangfire's job state lock.
/// </summary>
/// <remarks>
/// Ordered after <see cref="global::Hangfire.AutomaticRetryAttribute"/> (20), so a job the step ended is never re-elected
/// for a retry, and before <see cref="global::Hangfire.StatisticsHistoryAttribute"/> (30), so Hangfire's statistics count
/// the state the job goes to, not a step's result that only leads to waiting or a re-run.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class VideoJobStateFilterAttribute : JobFilterAttribute, IElectStateFilter, IApplyStateFilter, IServerFilter
{
    public VideoJobStateFilterAttribute()
    {
        Order = 25;
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not SucceededState { Result: VideoJobStepResult result } succeeded)
        {
            return;
        }

        if (result.Waiting is { } waiting)
        {
            // Hangfire keeps a replaced candidate in the history: this row says what it was, not that the video succeeded.
            succeeded.Reason = "The submit step ended; the job waits for Opper in the next state.";
            context.CandidateState = waiting;
        }
        else if (result.NextStepIn is { } delay)
        {
            context.CandidateState = new ScheduledState(delay) { Reason = result.Message };
        }
        else if (result.State is DurableVideoJobState.Failed or DurableVideoJobState.NeedsAttention)
        {
            context.CandidateState = new FailedState(new DurableVideoJobEndedException(context.BackgroundJob.Id, result.State, result.Message) { Checks = result.Checks }) { Reason = result.Message };
        }
        else
        {
            succeeded.Reason = result.Message;
        }

        PendingRecord.Attach(context.CandidateState, result.Record);
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var pending = PendingRecord.Take(context.NewState);
        if (pending is not null && context.OldStateName is not null)
        {
            // The step's outcome and its record land together: this change holds the job's state lock, and it happens
            // only if the job is still where the step found it (a Delete or requeue that came first keeps its own record).
            new VideoJobStore(context.Connection).WritePending(pending, transaction);
        }

        switch (context.NewState)
        {
            case ProcessingState:
                Mark(context, transaction);
                break;
            case EnqueuedState when context.OldStateName is null:
                // The job's creation: listed as queued in the same transaction that creates it (its record came with it,
                // and the enqueuer hands it over).
                if ((pending?.Record ?? new VideoJobStore(context.Connection).Read(context.BackgroundJob.Id)) is { } created)
                {
                    VideoJobIndex.Move(transaction, created.State, previousRow: null, context.BackgroundJob.Id, created);
                }

                break;
            case EnqueuedState:
                // A requeue (the dashboard's, ResumeAsync's, ResubmitAsync's) of a job that had ended: it moves again.
                Reopen(context, transaction);
                break;
            case SucceededState { Result: VideoJobStepResult result }:
                context.JobExpirationTimeout = result.Retention;
                // The job's idempotency key stays taken exactly as long as the job can be read.
                var entry = (pending?.Record ?? new VideoJobStore(context.Connection).Read(context.BackgroundJob.Id))?.IdempotencyEntry;
                if (entry is not null && transaction is JobStorageTransaction expiring)
                {
                    expiring.ExpireHash(entry, result.Retention);
                }

                break;
            case FailedState { Exception: DurableVideoJobEndedException ended } when context.OldStateName == OpperWaitingState.StateName:
                // The checker ended a waiting job (the provider failed it, the timeout passed): no step runs to do it.
                End(context, transaction, ended.State, ended.Message, ended.Checks);
                break;
            case FailedState { Exception: not DurableVideoJobEndedException } failed:
                End(context, transaction, DurableVideoJobState.NeedsAttention,
                    $"Hangfire gave up on a step after its retries: {WaitMessages.What(failed.Exception)}. Fix the cause, then requeue the job on the dashboard or call IVideoJobScheduler.ResumeAsync.");
                break;
            case DeletedState:
                End(context, transaction, DurableVideoJobState.Canceled,
                    "Canceled (deleted on the Hangfire dashboard, or IVideoJobScheduler.CancelAsync): it is not checked or downloaded any more. Opper has no cancel endpoint: a job it submitted keeps running and is billed; IVideoJobScheduler.ResumeAsync (or Requeue on the dashboard) fetches its clip without a second POST.");
                break;
        }

        if (pending is not null)
        {
            // After the switch: a success's retention is set there.
            DropExpired(context, transaction, pending.Record.State);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        // Still on the worker thread that applied Processing; the step may run on another.
        if (ProcessingHandoff.Take(context.BackgroundJob.Id) is { } handoff)
        {
            context.Items[ProcessingHandoff.Item] = handoff;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
    }

    /// <summary>
    /// Sets the submit mark of a job whose step will send the POST, inside the Processing change (under the job state
    /// lock, by compare-and-set from the state this change moves it out of), and hands the record to that step. A mark
    /// left by an earlier run (killed, or still at work on a storage that handed the job out twice) is left as it is: the
    /// step then decides, and never sends a second POST for it.
    /// </summary>
    private static void Mark(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var store = new VideoJobStore(context.Connection);
        var key = context.BackgroundJob.Id;
        if (store.Read(key) is not { } record)
        {
            return;
        }

        var processing = (ProcessingState)context.NewState;
        var by = string.Create(CultureInfo.InvariantCulture, $"{processing.ServerId}/{processing.WorkerId}/{processing.StartedAt:O}");
        var retried = record.SubmittingSince is not null && record.SubmittingBy == by;
        var sends = record is { HasEnded: false, OpperJobId: null } && (record.SubmittingSince is null || record.ResubmitApproved || retried);
        if (sends)
        {
            var previous = record.State;
            record.State = DurableVideoJobState.Submitting;
            record.SubmittingSince = DateTimeOffset.UtcNow;
            record.SubmittingBy = by;
            record.ResubmitApproved = false;
            record.SubmitAttempts += retried ? 0 : 1;
            store.WriteHeld(key, record, previous, transaction);
        }

        ProcessingHandoff.Leave(key, record, marked: sends);
    }

    /// <summary>
    /// One end in <see cref="VideoJobIndex.PruneEvery"/> in the two states whose Hangfire jobs expire clears what earlier
    /// ends left in its index set (a range read each time, so not at every end).
    /// </summary>
    private static void DropExpired(ApplyStateContext context, IWriteOnlyTransaction transaction, DurableVideoJobState state)
    {
        if (state is DurableVideoJobState.Completed or DurableVideoJobState.Canceled && context.NewState.IsFinal
            && (VideoJobIndex.PrunesOneAtATime || (StringComparer.Ordinal.GetHashCode(context.BackgroundJob.Id) & int.MaxValue) % VideoJobIndex.PruneEvery == 0))
        {
            VideoJobIndex.DropExpired(context.Connection, transaction, state, context.JobExpirationTimeout);
        }
    }

    private static void Reopen(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var store = new VideoJobStore(context.Connection);
        var key = context.BackgroundJob.Id;
        if (store.Read(key) is not { HasEnded: true } record || record.State == DurableVideoJobState.Completed)
        {
            // Moving already (a retry, a check, a download), or delivered: a rerun of a completed job only ends it again.
            return;
        }

        var previous = record.State;
        record.Reopen(DateTimeOffset.UtcNow);
        store.WriteHeld(key, record, previous, transaction);
    }

    /// <summary>
    /// Ends a job Hangfire ended without its step (Delete, or retries exhausted), inside that state change, and has its
    /// completion handlers run by a job of their own, since the step never runs again to run them.
    /// </summary>
    private static void End(ApplyStateContext context, IWriteOnlyTransaction transaction, DurableVideoJobState state, string why, int? checks = null)
    {
        var store = new VideoJobStore(context.Connection);
        var key = context.BackgroundJob.Id;
        if (store.Read(key) is not { } record
            || record.State is DurableVideoJobState.Completed or DurableVideoJobState.Canceled
            || (record.HasEnded && state != DurableVideoJobState.Canceled)
            || (record.State == DurableVideoJobState.Failed && state == DurableVideoJobState.Canceled))
        {
            // Delivered, failed for good, or ended already: deleting the Hangfire job of an ended one changes nothing.
            return;
        }

        var previous = record.State;
        record.State = state;
        record.Error = record.OpperJobId is null ? why : $"{why} Opper job: {record.OpperJobId}.";
        record.EndedAt = DateTimeOffset.UtcNow;
        record.Notified = false;
        record.Checks = checks ?? record.Checks;
        store.WriteHeld(key, record, previous, transaction);
        DropExpired(context, transaction, state);
        new BackgroundJobClient(context.Storage).Create(
            Job.FromExpression<VideoJobSteps>(steps => steps.NotifyAsync(key, null, CancellationToken.None)),
            new EnqueuedState(record.Queue ?? EnqueuedState.DefaultQueue) { Reason = $"Durable video job {key} ended {state}: its completion handlers run" });
    }
}
