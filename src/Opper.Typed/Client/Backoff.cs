namespace Opper.Typed;

/// <summary>
/// The one retry backoff: a base delay doubled after each failure in a row, up to a ceiling. The status poller's retries
/// and the durable jobs' step retries both take it from here, so they cannot drift apart.
/// </summary>
internal static class Backoff
{
    /// <summary>The delay before retry number <paramref name="retriesSoFar"/> + 1 (0: the first retry waits <paramref name="baseDelay"/>).</summary>
    /// <param name="baseDelay">The first retry's delay.</param>
    /// <param name="retriesSoFar">Retries already made; past 16 the delay stops growing (and never overflows).</param>
    /// <param name="max">The ceiling.</param>
    public static TimeSpan Doubling(TimeSpan baseDelay, int retriesSoFar, TimeSpan max)
    {
        var delay = baseDelay * Math.Pow(2, Math.Clamp(retriesSoFar, 0, 16));
        return delay < max ? delay : max;
    }
}
