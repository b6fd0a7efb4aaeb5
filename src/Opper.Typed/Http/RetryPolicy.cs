using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Opper.Typed;

/// <summary>
/// The one retry policy of every Opper.Typed HTTP client, used both with and without dependency injection.
/// Unsafe methods are excluded: a retried POST /v3/videos would start, and bill, a second job.
/// </summary>
internal static class RetryPolicy
{
    public const string PipelineName = "opper-retry";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, VideoRetryOptions options)
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
        retry.DisableForUnsafeHttpMethods();
        builder.AddRetry(retry);
    }

    /// <summary>Builds a stand-alone handler chain for clients created without dependency injection.</summary>
    public static HttpMessageHandler CreateHandler(OpperVideoClientOptions options, string? apiKey)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        Configure(builder, options.Retry);
        HttpMessageHandler handler = new ResilienceHandler(builder.Build())
        {
            // Recycle connections so DNS changes are seen, as IHttpClientFactory would.
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) },
        };
        return apiKey is null ? handler : new BearerTokenHandler(apiKey) { InnerHandler = handler };
    }
}
