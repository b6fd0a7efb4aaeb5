using Hangfire.Storage;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Puts back the due entry of a job that waits without one. On a storage whose write transactions are not atomic
/// (Hangfire.Storage.SQLite runs a transaction's commands one after another), a worker killed in the middle of the change
/// that made a job wait can leave it in <see cref="OpperWaitingState"/>, listed as waiting, with its due entry never
/// written: a paid job no checker would look at again. Every checker sweeps when it starts and every
/// <see cref="Interval"/>: three reads, whatever the number of jobs, and one state read per job found without an entry.
/// </summary>
internal static class WaitingSweep
{
    /// <summary>How often a running checker sweeps (a restarted worker sweeps at once).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <returns>The keys of the jobs it found waiting without a due entry, now due at <paramref name="now"/>.</returns>
    public static IReadOnlyList<string> Run(IStorageConnection connection, DateTimeOffset now)
    {
        // The due set is read first: a job that starts waiting after this read is in the listing read next without an
        // entry seen here, and gets a needless early check at most (its state read says it waits).
        var due = connection.GetAllItemsFromSet(DueSet.Key);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in (DurableVideoJobState[])[DurableVideoJobState.Waiting, DurableVideoJobState.Downloading])
        {
            foreach (var value in connection.GetAllItemsFromSet(VideoJobIndex.Of(state)))
            {
                if (VideoJobRow.Parse(value) is { } row && !due.Contains(row.Key))
                {
                    listed.Add(row.Key);
                }
            }
        }

        // A job that moved on meanwhile and still gets an entry is let go by the claim that finds it not waiting.
        var lost = listed.Where(key => OpperWaitingState.Read(connection.GetStateData(key)) is not null).ToList();
        DueSet.Schedule(connection, lost.Select(key => (key, now)).ToList());
        return lost;
    }
}
