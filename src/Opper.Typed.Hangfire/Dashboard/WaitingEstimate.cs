using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.Storage;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>
/// How much longer a waiting job is expected to take, for the dashboard's "expected remaining" line (on the "Opper
/// videos" page, the job's history and its record panel): <see cref="CompletionEstimate.RemainingAfter"/> of what jobs of
/// its shape took, as every worker shares it in the storage. A job's record panel reads it (one list, at most every
/// 30 s per shape); the list page and the history show what this process last read, so a page of many jobs costs no
/// query for it.
/// </summary>
internal static class WaitingEstimate
{
    private static readonly ConditionalWeakTable<JobStorage, SharedCompletions> PerStorage = new();

    /// <param name="storage">The dashboard's storage.</param>
    /// <param name="connection">A connection to read the shape's completions through; null to use only what was read before.</param>
    /// <param name="shape">
    /// The job's <c>JobShape</c> (what decides how long it renders), read through <paramref name="connection"/>; without a
    /// connection, its digest (<see cref="SharedCompletions.DigestOf"/>, as a page row keeps it). Null when unknown.
    /// </param>
    /// <param name="submittedAt">When Opper accepted the job.</param>
    /// <param name="now">The time the page is drawn.</param>
    /// <returns>The expected time left; null while nothing is learned, or once the job is past its likely window.</returns>
    public static TimeSpan? Remaining(JobStorage? storage, IStorageConnection? connection, string? shape, DateTimeOffset submittedAt, DateTimeOffset now)
    {
        if (storage is null)
        {
            return null;
        }

        var completions = PerStorage.GetValue(storage, static _ => new SharedCompletions(TimeProvider.System));
        var estimate = connection is null ? completions.Cached(shape) : completions.Estimate(connection, shape);
        return estimate?.RemainingAfter(now - submittedAt);
    }

    /// <summary>The line as the dashboard writes it (plain text), or null when there is no estimate.</summary>
    public static string? Line(JobStorage? storage, IStorageConnection? connection, string? shape, DateTimeOffset? submittedAt, DateTimeOffset now) =>
        submittedAt is { } submitted && Remaining(storage, connection, shape, submitted, now) is { } left
            ? $"expected in about {DashboardText.Duration(left)}"
            : null;
}
