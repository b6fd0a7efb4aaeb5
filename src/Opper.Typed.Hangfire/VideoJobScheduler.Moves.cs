using Hangfire;
using Hangfire.States;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Cancel, resume and resubmit: each is one Hangfire state change by compare-and-set from the state read (Delete, or a
/// requeue), and the steps' state filter changes the record inside it, under Hangfire's job state lock, exactly as when
/// a person clicks Delete or Requeue on the dashboard. A change that loses a race is read and tried again; none returns
/// without effect.
/// </summary>
internal sealed partial class VideoJobScheduler
{
    /// <summary>Rounds of read-and-change before giving up on a job that keeps changing under us (each lasts milliseconds).</summary>
    private const int Attempts = 20;

    public Task CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ChangeAsync(key, "canceled", (record, hangfireState) =>
        {
            switch (record.State)
            {
                case DurableVideoJobState.Canceled:
                    return null;
                case DurableVideoJobState.Completed or DurableVideoJobState.Failed:
                    throw new InvalidOperationException($"Durable video job {key} has ended {record.State}: there is nothing to cancel.");
            }

            return new DeletedState { Reason = "Canceled by IVideoJobScheduler.CancelAsync" };
        }, record => record.State == DurableVideoJobState.Canceled, cancellationToken);
    }

    public Task ResumeAsync(string key, string? opperJobId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (opperJobId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(opperJobId);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ChangeAsync(key, "resumed", (record, hangfireState) =>
        {
            if (record.State == DurableVideoJobState.Completed)
            {
                throw new InvalidOperationException($"Durable video job {key} is completed; its clip is at {record.Destination}.");
            }

            ThrowIfMoving(key, record, hangfireState);
            if (opperJobId is null && record.OpperJobId is null && record.SubmittingSince is not null)
            {
                throw new InvalidOperationException(
                    $"Durable video job {key} has no Opper job id (its POST's answer was lost): pass the id you find on the Opper dashboard, or call ResubmitAsync(\"{key}\") if Opper has no job for it.");
            }

            if (opperJobId is not null && opperJobId != record.OpperJobId)
            {
                // The id a person found: stored on the ended record before the requeue that reopens it by this id.
                record.OpperJobId = opperJobId;
                Write(key, record);
            }

            return Requeue("Resumed by IVideoJobScheduler.ResumeAsync");
        }, record => !record.HasEnded, cancellationToken);
    }

    public Task ResubmitAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ChangeAsync(key, "resubmitted", (record, hangfireState) =>
        {
            if (record.OpperJobId is not null)
            {
                throw new InvalidOperationException($"Durable video job {key} already has Opper job {record.OpperJobId}: use ResumeAsync(\"{key}\") to fetch its clip instead of paying for a second one.");
            }

            ThrowIfMoving(key, record, hangfireState);
            if (!record.ResubmitApproved)
            {
                record.ResubmitApproved = true;
                Write(key, record);
            }

            return Requeue("Resubmitted by IVideoJobScheduler.ResubmitAsync");
        }, record => !record.HasEnded, cancellationToken);
    }

    /// <summary>
    /// Reads the record and Hangfire's state, asks <paramref name="decide"/> for the state to move to (null: nothing to
    /// do), and changes it only from the state read; a lost race reads again. The record must then show <paramref name="done"/>.
    /// </summary>
    private Task ChangeAsync(string key, string what, Func<VideoJobRecord, string?, IState?> decide, Func<VideoJobRecord, bool> done, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            VideoJobRecord record;
            string? hangfireState;
            using (var connection = jobs.Storage.GetConnection())
            {
                record = new VideoJobStore(connection).Read(key) ?? throw new InvalidOperationException($"No durable video job is stored under '{key}'.");
                hangfireState = connection.GetStateData(key)?.Name;
            }

            IState? next;
            try
            {
                next = decide(record, hangfireState);
            }
            catch (VideoJobMovedException)
            {
                continue;
            }

            if (next is null)
            {
                return Task.CompletedTask;
            }

            if (next is EnqueuedState && hangfireState == EnqueuedState.StateName)
            {
                // Queued already (its step not yet run): a second queue entry would run it twice at once, so the record
                // reopens in place, under the state lock, while Hangfire still has it queued.
                try
                {
                    ReopenQueued(key, record);
                    return Task.CompletedTask;
                }
                catch (VideoJobMovedException)
                {
                    continue;
                }
            }

            // Compare-and-set: Hangfire changes it only if it is still in the state read (a running step's own end, a
            // check, a second click lose to it, or it to them, and then it is read again).
            if (jobs.ChangeState(key, next, hangfireState))
            {
                using var connection = jobs.Storage.GetConnection();
                var after = new VideoJobStore(connection).Read(key);
                return after is not null && done(after)
                    ? Task.CompletedTask
                    : throw new InvalidOperationException($"Durable video job {key} was not {what}: Hangfire changed its state, and its record says {after?.State}. Are the steps' filters loaded (AddOpperVideoJobs) where the state was changed?");
            }
        }

        throw new InvalidOperationException($"Durable video job {key} was not {what}: its state kept changing under {Attempts} attempts. Try again.");
    }

    private void ReopenQueued(string key, VideoJobRecord record)
    {
        using var connection = jobs.Storage.GetConnection();
        new VideoJobStore(connection).Update(key, EnqueuedState.StateName, current =>
        {
            if (current.State != record.State)
            {
                return false;
            }

            current.Reopen(settings.Time.GetUtcNow());
            return true;
        });
    }

    private EnqueuedState Requeue(string reason) => new(options.Queue) { Reason = reason };

    /// <summary>A compare-and-set write of an ended record, through the storage's own connection.</summary>
    private void Write(string key, VideoJobRecord record)
    {
        using var connection = jobs.Storage.GetConnection();
        var store = new VideoJobStore(connection);
        _ = ReadUnmoved(store, key, record);
        store.Write(key, record);
    }

    /// <summary>The stored record, read into <paramref name="store"/> (what its write compares against), if still in the state decided on.</summary>
    private static VideoJobRecord ReadUnmoved(VideoJobStore store, string key, VideoJobRecord record)
    {
        var current = store.Read(key);
        return current?.State == record.State ? current : throw new VideoJobMovedException(key, current ?? record);
    }

    private static void ThrowIfMoving(string key, VideoJobRecord record, string? hangfireState)
    {
        // A record left moving under a Hangfire job that ended (deleted by an older version of this package) is picked up too.
        if (!record.HasEnded && hangfireState != DeletedState.StateName && hangfireState != FailedState.StateName && hangfireState != SucceededState.StateName)
        {
            throw new InvalidOperationException($"Durable video job {key} is {record.State}: it is still moving on its own, so there is nothing to resume.");
        }
    }
}
