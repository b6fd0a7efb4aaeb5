namespace Opper.Typed;

/// <summary>
/// Retries of idempotent calls (status polls, catalog reads, downloads) on 408, 429, 5xx and network failures,
/// with exponential backoff and jitter; a server's <c>Retry-After</c> is honoured. POST is never retried.
/// </summary>
public sealed class VideoRetryOptions
{
    /// <summary>Retries after the first attempt. Default 3; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait a server's <c>Retry-After</c> may ask for and still be waited out. A longer one (a rate limit
    /// for the next hour, a download host in maintenance) ends the retries at once: the call fails with an
    /// <see cref="OpperApiException"/> whose <see cref="OpperApiException.RetryAfter"/> is the wait asked for. Default 2 min.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    internal VideoRetryOptions Clone() => (VideoRetryOptions)MemberwiseClone();

    /// <summary>Adds a sentence per invalid setting, each naming it.</summary>
    internal void FindProblems(List<string> problems)
    {
        if (MaxRetries < 0)
        {
            problems.Add($"OpperVideoClientOptions.Retry.MaxRetries must be zero or more; got {MaxRetries}.");
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            problems.Add($"OpperVideoClientOptions.Retry.BaseDelay must be zero or more; got {BaseDelay}.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            problems.Add($"OpperVideoClientOptions.Retry.MaxRetryAfter must be zero or more; got {MaxRetryAfter}.");
        }
    }
}
