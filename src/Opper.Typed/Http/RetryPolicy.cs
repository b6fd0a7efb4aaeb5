using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Opper.Typed;

/// <summary>
/// The one retry policy of every Opper.Typed HTTP client, used both with and without dependency injection (the chains
/// put it where <see cref="HttpChain"/> says).
/// Unsafe methods are excluded: a retried POST /v3/videos would start, and bill, a second job.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>The retry pipeline's name in the host's resilience telemetry (<see cref="ChainLayer.Retry"/> with DI).</summary>
    public const string PipelineName = "opper-retry";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, VideoRetryOptions options, TimeProvider time)
    {
        if (options.MaxRetries == 0)
        {
            return;
        }

        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            Delay = options.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
        };

        // Polly waits as long as a Retry-After says (its MaxDelay does not cap a server's wait): a host asking for an
        // hour would hold the call for an hour. Past the bound the answer is surfaced at once, with the wait it asked for.
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = async arguments =>
            await transient(arguments).ConfigureAwait(false)
            && !(RetryAfterHeader.Wait(arguments.Outcome.Result?.Headers, time.GetUtcNow()) > options.MaxRetryAfter);
        retry.DisableForUnsafeHttpMethods();
        builder.AddRetry(retry);
    }
}
