using System.Net.Http.Headers;

namespace Opper.Typed;

/// <summary>The wait a server asks for in <c>Retry-After</c>, given as seconds or as a date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait, or null when the header is absent; a date in the past is no wait.</summary>
    public static TimeSpan? Wait(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        var retryAfter = headers?.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }
}
