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

    /// <summary>Up to <paramref name="count"/> jobs due by <paramref name="now"/>, earliest first.</summary>
    public static IReadOnlyList<string> Due(IStorageConnection connection, DateTimeOffset now, int count)
    {
        var to = now.ToUnixTimeMilliseconds();
        if (connection is JobStorageConnection ranged)
        {
            try
            {
                return ranged.GetFirstByLowestScoreFromSet(Key, 0, to, count);
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
            Schedule(connection, [(next, now.AddSeconds(VideoJobChecker.LeaseSeconds))]);
            taken.Add(next);
        }

        return taken;
    }

    /// <summary>Scores each job to its time, in one transaction.</summary>
    public static void Schedule(IStorageConnection connection, IReadOnlyCollection<(string Key, DateTimeOffset At)> jobs)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        using var transaction = connection.CreateWriteTransaction();
        foreach (var (key, at) in jobs)
        {
            transaction.AddToSet(Key, key, at.ToUnixTimeMilliseconds());
        }

        transaction.Commit();
    }

    /// <summary>Drops a job that is not waiting any more (a claim raced its move).</summary>
    public static void Forget(IStorageConnection connection, string key)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveFromSet(Key, key);
        transaction.Commit();
    }
}
