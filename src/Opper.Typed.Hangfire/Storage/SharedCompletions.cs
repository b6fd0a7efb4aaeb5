using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// How long jobs of each shape took, kept in the Hangfire storage (a list per shape, the newest
/// <see cref="CompletionHistory.Kept"/>), so every worker on it, a new or restarted one too, schedules its checks and
/// shows an expected remaining time as a warm one does. Each process reads a shape's list at most every
/// <see cref="RefreshInterval"/>.
/// </summary>
internal sealed class SharedCompletions(TimeProvider time)
{
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>How often a shape of which nothing was known is read again: the first jobs of a new shape teach the ones still waiting.</summary>
    internal static readonly TimeSpan UnknownRefreshInterval = TimeSpan.FromSeconds(5);

    private const string KeyPrefix = "opper-video:completions:";

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, CompletionEstimate? Estimate)> _read = new(StringComparer.Ordinal);

    /// <summary>Adds one finished job to its shape's list, in a transaction of its own.</summary>
    public void Record(IStorageConnection connection, string shape, TimeSpan runningAt, TimeSpan doneAt)
    {
        using var transaction = connection.CreateWriteTransaction();
        Record(transaction, [(shape, runningAt, doneAt)]);
        transaction.Commit();
    }

    /// <summary>Adds finished jobs to their shapes' lists in <paramref name="transaction"/> (a checker round's), each list trimmed once.</summary>
    public void Record(IWriteOnlyTransaction transaction, IEnumerable<(string Shape, TimeSpan RunningAt, TimeSpan DoneAt)> finished)
    {
        var lists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (shape, runningAt, doneAt) in finished)
        {
            if (doneAt <= runningAt)
            {
                continue;
            }

            var digest = DigestOf(shape);
            transaction.InsertToList(ListOf(digest), string.Create(CultureInfo.InvariantCulture, $"{runningAt.TotalSeconds:0.###}|{doneAt.TotalSeconds:0.###}"));
            lists.Add(digest);
        }

        foreach (var digest in lists)
        {
            transaction.TrimList(ListOf(digest), 0, CompletionHistory.Kept - 1);
            _read.TryRemove(digest, out _);
        }
    }

    /// <returns>What this process last read for the shape of <paramref name="digest"/> (<see cref="DigestOf"/>), however old, without reading the storage; null when nothing was.</returns>
    public CompletionEstimate? Cached(string? digest) => digest is not null && _read.TryGetValue(digest, out var cached) ? cached.Estimate : null;

    /// <returns>What jobs of <paramref name="shape"/> took, from the storage; null while fewer than two are known.</returns>
    public CompletionEstimate? Estimate(IStorageConnection connection, string? shape)
    {
        if (shape is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var digest = DigestOf(shape);
        if (_read.TryGetValue(digest, out var cached) && now - cached.ReadAt < (cached.Estimate is null ? UnknownRefreshInterval : RefreshInterval))
        {
            return cached.Estimate;
        }

        var samples = new List<(double Seconds, double Bracket)>(CompletionHistory.Kept);
        // Every storage of Hangfire 1.7 and later reads list ranges; one that does not simply shares nothing.
        var items = connection is JobStorageConnection ranged ? ranged.GetRangeFromList(ListOf(digest), 0, CompletionHistory.Kept - 1) : [];
        foreach (var item in items)
        {
            if (Parse(item) is { } sample)
            {
                samples.Add(CompletionHistory.SampleOf(sample.RunningAt, sample.DoneAt));
            }
        }

        var estimate = CompletionHistory.EstimateOf(samples);
        _read[digest] = (now, estimate);
        return estimate;
    }

    private static (TimeSpan RunningAt, TimeSpan DoneAt)? Parse(string item)
    {
        var bar = item.IndexOf('|', StringComparison.Ordinal);
        return bar > 0
            && double.TryParse(item.AsSpan(0, bar), NumberStyles.Float, CultureInfo.InvariantCulture, out var running)
            && double.TryParse(item.AsSpan(bar + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var done)
            ? (TimeSpan.FromSeconds(running), TimeSpan.FromSeconds(done))
            : null;
    }

    /// <summary>A shape is as long as its parameters; it is named by a digest of it (short enough for a dashboard row).</summary>
    public static string DigestOf(string shape) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shape)), 0, 6).ToLowerInvariant();

    private static string ListOf(string digest) => KeyPrefix + digest;
}
