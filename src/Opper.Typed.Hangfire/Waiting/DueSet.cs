using Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// The sorted set of waiting jobs, scored by when each is next due (Unix milliseconds). A checker claims a batch by
/// scoring it forward (its next check, at most a lease away), so another server's checker skips it; a checker that dies
/// holds nothing: its claims simply fall due.
/// </summary>
internal static class DueSet
{
    public const string Key = "opper-video:due";

    /// <summary>How long <see cref="FollowState"/> waits for a state change of the job in progress (milliseconds of work in the other).</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Up to <paramref name="count"/> jobs due by <paramref name="now"/>, earliest first.</summary>
    /// <returns>The jobs, and whether taking them already held each for a lease (a storage with only the single-item query).</returns>
    public static (IReadOnlyList<string> Keys, bool Leased) Due(IStorageConnection connection, DateTimeOffset now, int count)
    {
        var to = now.ToUnixTimeMilliseconds();
        if (connection is JobStorageConnection ranged)
        {
            try
            {
                return (ranged.GetFirstByLowestScoreFromSet(Key, 0, to, count), false);
            }
            catch (NotSupportedException)
            {
                // A storage with only the single-item query (SQLite): taken one at a time below.
            }
        }

        var taken = new List<string>();
        while (taken.Count < count && connection.GetFirstByLowestScoreFromSet(Key, 0, to) is { } next && !taken.Contains(next))
        {
            // The single-item query returns the same item until it is scored forward, so each is claimed as it is taken.
            Schedule(connection, [(next, now + VideoJobChecker.LeaseTime)]);
            taken.Add(next);
        }

        return (taken, true);
    }

    /// <summary>Scores each job to its time, in one transaction.</summary>
    public static void Schedule(IStorageConnection connection, IReadOnlyCollection<(string Key, DateTimeOffset At)> jobs)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        using var transaction = connection.CreateWriteTransaction();
        Schedule(transaction, jobs);
        transaction.Commit();
    }

    /// <summary>Scores each job to its time, in <paramref name="transaction"/>.</summary>
    public static void Schedule(IWriteOnlyTransaction transaction, IEnumerable<(string Key, DateTimeOffset At)> jobs)
    {
        foreach (var (key, at) in jobs)
        {
            transaction.AddToSet(Key, key, at.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Whether the job has a due entry: one query where the storage has it, else a read of the whole set.</summary>
    public static bool Contains(IStorageConnection connection, string key)
    {
        if (connection is JobStorageConnection asked)
        {
            try
            {
                return asked.GetSetContains(Key, key);
            }
            catch (NotSupportedException)
            {
                // An older storage: read the set below.
            }
        }

        return connection.GetAllItemsFromSet(Key).Contains(key);
    }

    /// <summary>
    /// Makes the job's due entry follow its state, under Hangfire's job state lock, so a state change in progress (which
    /// writes or removes the entry in its own transaction) finishes first: dropped if the job is not waiting, written at
    /// <paramref name="dueAt"/> if it waits without one (a commit cut off on a storage whose transactions are not atomic).
    /// </summary>
    /// <returns>Whether it wrote an entry.</returns>
    /// <exception cref="DistributedLockTimeoutException">A state change of the job held its lock for longer than 5 s.</exception>
    public static bool FollowState(IStorageConnection connection, string key, DateTimeOffset dueAt)
    {
        using (connection.AcquireDistributedJobLock(key, LockTimeout))
        {
            if (OpperWaitingState.Read(connection.GetStateData(key)) is null)
            {
                Forget(connection, key);
                return false;
            }

            if (Contains(connection, key))
            {
                return false;
            }

            Schedule(connection, [(key, dueAt)]);
            return true;
        }
    }

    /// <summary>Drops a job that is not waiting any more (a claim raced its move).</summary>
    public static void Forget(IStorageConnection connection, string key)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveFromSet(Key, key);
        transaction.Commit();
    }
}
