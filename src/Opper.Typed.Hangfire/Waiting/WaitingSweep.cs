using Hangfire.Storage;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Puts back the due entry of a job that waits without one. On a storage whose write transactions are not atomic
/// (Hangfire.Storage.SQLite runs a transaction's commands one after another), a worker killed in the middle of the change
/// that made a job wait, or a commit that failed part way, can leave it in <see cref="OpperWaitingState"/>, listed as
/// waiting, with its due entry never written: a paid job no checker would look at again. Every checker sweeps when it
/// starts and every <see cref="Interval"/>: three reads, and a state read for each listed job without an entry.
/// </summary>
internal static class WaitingSweep
{
    /// <summary>How often a running checker sweeps (a restarted worker sweeps at once).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <returns>The keys of the jobs it found waiting without a due entry, now due at <paramref name="now"/>.</returns>
    public static IReadOnlyList<string> Run(IStorageConnection connection, DateTimeOffset now)
    {
        // The listing first, the due set next: a job listed as waiting has had its entry written by then (on a storage
        // whose transactions are atomic, with the listing), so only a job that truly lacks one is looked at further.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in (DurableVideoJobState[])[DurableVideoJobState.Waiting, DurableVideoJobState.Downloading])
        {
            foreach (var value in connection.GetAllItemsFromSet(VideoJobIndex.Of(state)))
            {
                if (VideoJobRow.Parse(value) is { } row)
                {
                    listed.Add(row.Key);
                }
            }
        }

        var due = connection.GetAllItemsFromSet(DueSet.Key);
        listed.ExceptWith(due);
        var lost = new List<string>();
        foreach (var key in listed.Where(key => OpperWaitingState.Read(connection.GetStateData(key)) is not null))
        {
            try
            {
                // Read again under the job's state lock: a change in progress (its handler writes the entry, or the job
                // leaves waiting) finishes first, and the entry is written once, not beside the handler's.
                if (DueSet.FollowState(connection, key, now))
                {
                    lost.Add(key);
                }
            }
            catch (DistributedLockTimeoutException)
            {
                // Its state is changing: the next sweep looks again.
            }
        }

        return lost;
    }
}
