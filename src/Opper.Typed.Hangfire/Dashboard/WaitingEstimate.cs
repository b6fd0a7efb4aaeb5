namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>
/// How much longer a waiting job is expected to take, for the dashboard's "expected remaining" line (on the "Opper
/// videos" page, the job's history and its record panel). The one place an estimate plugs in: each of those shows the
/// line only when this returns a value.
/// </summary>
internal static class WaitingEstimate
{
    /// <param name="shape">The job's <c>JobShape</c> (what decides how long it renders); null when unknown.</param>
    /// <param name="submittedAt">When Opper accepted the job.</param>
    /// <param name="now">The time the page is drawn.</param>
    /// <returns>Null until an estimate (<c>CompletionEstimate.RemainingAfter</c>) is wired in here.</returns>
    public static TimeSpan? Remaining(string? shape, DateTimeOffset submittedAt, DateTimeOffset now)
    {
        _ = (shape, submittedAt, now);
        return null;
    }

    /// <summary>The line as the dashboard writes it (plain text), or null when there is no estimate.</summary>
    public static string? Line(string? shape, DateTimeOffset? submittedAt, DateTimeOffset now) =>
        submittedAt is { } submitted && Remaining(shape, submitted, now) is { } left
            ? $"expected in about {DashboardText.Duration(left)}"
            : null;
}
