using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Turns each step's <see cref="VideoJobStepResult"/> into the Hangfire job's next state: a scheduled re-run (no worker
/// thread waits for Opper), success, or a failure that is not retried (the step already decided). When Hangfire itself
/// gives up on a step (its retries exhausted) or the job is deleted from the dashboard, the record says so. A new job is
/// listed as queued in the transaction that creates it.
/// </summary>
/// <remarks>Ordered after <see cref="global::Hangfire.AutomaticRetryAttribute"/> (20), so a job the step ended is never re-elected for a retry.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class VideoJobStateFilterAttribute : JobFilterAttribute, IElectStateFilter, IApplyStateFilter
{
    public VideoJobStateFilterAttribute()
    {
        Order = 30;
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not SucceededState { Result: VideoJobStepResult result } succeeded)
        {
            return;
        }

        if (result.NextStepIn is { } delay)
        {
            context.CandidateState = new ScheduledState(delay) { Reason = result.Message };
        }
        else if (result.State is DurableVideoJobState.Failed or DurableVideoJobState.NeedsAttention)
        {
            context.CandidateState = new FailedState(new DurableVideoJobEndedException(context.BackgroundJob.Id, result.State, result.Message)) { Reason = result.Message };
        }
        else
        {
            succeeded.Reason = result.Message;
        }
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        switch (context.NewState)
        {
            case EnqueuedState when context.OldStateName is null:
                // The job's creation: listed as queued in the same transaction that creates it.
                transaction.AddToSet(VideoJobStore.IndexOf(DurableVideoJobState.Queued), context.BackgroundJob.Id, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                break;
            case SucceededState { Result: VideoJobStepResult result }:
                context.JobExpirationTimeout = result.Retention;
                // The job's idempotency key stays taken exactly as long as the job can be read.
                if (context.Connection.GetJobParameter(context.BackgroundJob.Id, IdempotencyKeys.EntryParameter) is { } entry && transaction is JobStorageTransaction expiring)
                {
                    expiring.ExpireHash(entry, result.Retention);
                }

                break;
            case FailedState { Exception: not DurableVideoJobEndedException } failed:
                Stop(context.Connection, context.BackgroundJob.Id,
                    $"Hangfire gave up on a step after its retries: {failed.Exception.GetType().Name}: {failed.Exception.Message.TrimEnd('.')}. Fix the cause, then requeue the job on the dashboard or call IVideoJobScheduler.ResumeAsync.");
                break;
            case DeletedState:
                Stop(context.Connection, context.BackgroundJob.Id,
                    "Deleted in Hangfire before it ended. An Opper job it submitted keeps running (and is billed): IVideoJobScheduler.ResumeAsync picks it up again.");
                break;
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    private static void Stop(IStorageConnection connection, string key, string why)
    {
        var store = new VideoJobStore(connection);
        if (store.Read(key) is not { HasEnded: false } record)
        {
            return;
        }

        var previous = record.State;
        record.State = DurableVideoJobState.NeedsAttention;
        record.Error = record.OpperJobId is null ? why : $"{why} Opper job: {record.OpperJobId}.";
        record.EndedAt = DateTimeOffset.UtcNow;
        store.Write(key, record, previous);
    }
}
