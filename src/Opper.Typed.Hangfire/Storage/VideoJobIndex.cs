using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// The per-state index of durable jobs: a sorted set per state (<c>opper-video-rows:{State}</c>) whose values are the
/// jobs' rows (<see cref="VideoJobRow"/>), scored by when the job ended, or else when it was enqueued. A page of a state
/// is its count and one range read; the record stays the truth (an entry can lag a moment behind its job).
/// </summary>
/// <remarks>
/// Hangfire expires a completed job after its retention, and a deleted (canceled) one after a day, but not an entry of
/// a set: one job in <see cref="PruneEvery"/> that ends in one of those states takes out up to <see cref="PrunedPerEnd"/>
/// of the oldest entries whose job has expired, so the two sets hold about as many entries as there are jobs to read.
/// </remarks>
internal static class VideoJobIndex
{
    /// <summary>One end in this many prunes its state's set (every end on a storage with only the single-item query).</summary>
    public const int PruneEvery = 4;

    /// <summary>The storage's ranged query was refused once: a prune takes one entry, so every end prunes.</summary>
    public static bool PrunesOneAtATime { get; private set; }

    /// <summary>Entries a prune takes out: more than <see cref="PruneEvery"/>, so a backlog (an index older than this pruning) drains.</summary>
    public const int PrunedPerEnd = 8;

    private const string Prefix = "opper-video-rows:";

    public static string Of(DurableVideoJobState state) => Prefix + state;

    public static double Score(VideoJobRecord record) => (record.EndedAt ?? record.EnqueuedAt).ToUnixTimeMilliseconds();

    /// <summary>Replaces the job's row (<paramref name="previousRow"/> in <paramref name="previous"/>'s set, when known) with its new one, in <paramref name="transaction"/>.</summary>
    public static void Move(IWriteOnlyTransaction transaction, DurableVideoJobState previous, string? previousRow, string key, VideoJobRecord record)
    {
        var row = VideoJobRow.Of(key, record);
        if (previousRow is not null && (previous != record.State || previousRow != row))
        {
            transaction.RemoveFromSet(Of(previous), previousRow);
        }

        transaction.AddToSet(Of(record.State), row, Score(record));
    }

    /// <summary>
    /// Removes, in <paramref name="transaction"/>, up to <see cref="PrunedPerEnd"/> of the oldest entries of
    /// <paramref name="state"/>'s set that ended longer ago than their Hangfire jobs are kept (<paramref name="keptFor"/>,
    /// and an hour for the expiration manager's round): told by score alone, one range read however many go.
    /// </summary>
    public static void DropExpired(IStorageConnection connection, IWriteOnlyTransaction transaction, DurableVideoJobState state, TimeSpan keptFor)
    {
        var index = Of(state);
        var before = (DateTimeOffset.UtcNow - keptFor - TimeSpan.FromHours(1)).ToUnixTimeMilliseconds();
        IReadOnlyList<string> oldest;
        try
        {
            oldest = connection is JobStorageConnection ranged ? ranged.GetFirstByLowestScoreFromSet(index, 0, before, PrunedPerEnd) : [];
        }
        catch (NotSupportedException)
        {
            // A storage with only the single-item query (SQLite): one per end still keeps the set from growing.
            PrunesOneAtATime = true;
            oldest = connection.GetFirstByLowestScoreFromSet(index, 0, before) is { } first ? [first] : [];
        }

        foreach (var value in oldest)
        {
            transaction.RemoveFromSet(index, value);
        }
    }

    public static long Count(IStorageConnection connection, DurableVideoJobState state)
    {
        if (connection is JobStorageConnection counted)
        {
            try
            {
                return counted.GetSetCount(Of(state));
            }
            catch (NotSupportedException)
            {
                // Counted below.
            }
        }

        return connection.GetAllItemsFromSet(Of(state)).Count;
    }

    /// <summary>The rows ranked <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> - 1, oldest first, in one read.</summary>
    public static IReadOnlyList<VideoJobRow> Range(IStorageConnection connection, DurableVideoJobState state, int skip, int take)
    {
        var index = Of(state);
        IEnumerable<string>? values = null;
        if (connection is JobStorageConnection ranged)
        {
            try
            {
                values = ranged.GetRangeFromSet(index, skip, skip + take - 1);
            }
            catch (NotSupportedException)
            {
                // An older storage without ranges: read the whole set below.
            }
        }

        values ??= connection.GetAllItemsFromSet(index).Skip(skip).Take(take);
        return values.Select(VideoJobRow.Parse).OfType<VideoJobRow>().ToList();
    }
}
