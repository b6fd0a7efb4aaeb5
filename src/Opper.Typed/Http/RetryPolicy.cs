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

    /// <summary>How long idle pooled connections live, so DNS changes are seen by a long-lived (singleton) client.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(10);

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

    /// <summary>
    /// The socket handler at the bottom of every chain: connections recycled (DNS changes are seen), bounded per host,
    /// and more than one HTTP/2 connection allowed when one is full of streams. Downloads follow redirects anywhere (a
    /// presigned URL may move, and never carries the key); the API's chain follows them itself, on its origin only.
    /// </summary>
    public static SocketsHttpHandler CreateSocketsHandler(ClientSettings settings, bool followRedirects = true) => new()
    {
        PooledConnectionLifetime = ConnectionLifetime,
        MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
        EnableMultipleHttp2Connections = true,
        AllowAutoRedirect = followRedirects,
    };

    /// <summary>A client over <paramref name="handler"/>, as <c>AddOpperVideos</c> configures its own (<see cref="PreferHttp2"/>).</summary>
    public static HttpClient CreateClient(HttpMessageHandler handler)
    {
        var client = new HttpClient(handler);
        PreferHttp2(client);
        return client;
    }

    /// <summary>HTTP/2 when the server offers it (TLS with ALPN), else HTTP/1.1: many polls share one connection.</summary>
    public static void PreferHttp2(HttpClient client)
    {
        client.DefaultRequestVersion = System.Net.HttpVersion.Version20;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
    }

    /// <summary>
    /// The polling chain for clients created without dependency injection: retries, then a timeout per attempt, then
    /// the bearer token last, right above the socket, as in the DI chain (where that keeps it out of the factory's logs).
    /// </summary>
    public static HttpMessageHandler CreateApiHandler(ClientSettings settings, ApiConnections connections) =>
        new ResilienceHandler(Build(settings)) { InnerHandler = CreateSubmitHandler(settings, connections) };

    /// <summary>
    /// The submission chain: the polling chain without the retry handler, over the same connections. A POST is never
    /// retried, so the retry pipeline would only cost time and allocations on its path.
    /// </summary>
    public static HttpMessageHandler CreateSubmitHandler(ClientSettings settings, ApiConnections connections) =>
        new AttemptTimeoutHandler(settings.RequestTimeout) { InnerHandler = connections.CreateAuthenticatedHandler() };

    /// <summary>The download chain for clients created without dependency injection: retries only, and never a token.</summary>
    public static HttpMessageHandler CreateDownloadHandler(ClientSettings settings) =>
        new ResilienceHandler(Build(settings)) { InnerHandler = CreateSocketsHandler(settings) };

    private static ResiliencePipeline<HttpResponseMessage> Build(ClientSettings settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = settings.Time };
        Configure(builder, settings.Retry, settings.Time);
        return builder.Build();
    }
}
