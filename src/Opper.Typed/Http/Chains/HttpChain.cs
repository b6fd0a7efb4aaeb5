using Microsoft.Extensions.DependencyInjection;

namespace Opper.Typed;

/// <summary>
/// The one statement of each HTTP chain a client works through, outermost handler first, over its primary handler. Both
/// paths build from it: <see cref="Build"/> nests the handlers for a client made without dependency injection, and
/// <see cref="AddTo"/> adds them in the same order to an <see cref="IHttpClientFactory"/> client (whose logging handler
/// then sits between the last layer and the primary handler). Adding a handler to a chain is one more entry in its list.
/// </summary>
internal sealed class HttpChain
{
    private readonly ChainLayer[] _layers;
    private readonly Func<ChainContext, HttpMessageHandler> _primary;

    private HttpChain(Func<ChainContext, HttpMessageHandler> primary, params ChainLayer[] layers) => (_primary, _layers) = (primary, layers);

    /// <summary>
    /// Polls and the catalog: retries, then a timeout per attempt inside them (each retry gets its own), over the
    /// authenticated bottom (same-origin redirects, the bearer token, the shared pool; see <see cref="ApiConnections"/>).
    /// The token is added in the primary handler, below the factory's logging handler, which logs header values.
    /// </summary>
    public static HttpChain Api { get; } = new(Authenticated, ChainLayer.Retry, ChainLayer.AttemptTimeout);

    /// <summary>
    /// <c>POST /v3/videos</c>: the API chain without the retries (a second POST is a second paid job, so the retry
    /// pipeline would only cost time on its path), over the same connections.
    /// </summary>
    public static HttpChain Submit { get; } = new(Authenticated, ChainLayer.AttemptTimeoutKeepingCutBody);

    /// <summary>
    /// <c>POST /v3/files</c>: the authenticated bottom alone, over the same connections. No retries (an upload counts
    /// against the quota; <see cref="FileUploader"/> resends only what never left) and no per-attempt timeout, which
    /// would cut off a large upload at a fixed time: the uploader bounds silence instead.
    /// </summary>
    public static HttpChain Upload { get; } = new(Authenticated);

    /// <summary>Presigned downloads: retries over a socket handler of their own that follows redirects anywhere, never a token.</summary>
    public static HttpChain Download { get; } = new(context => SocketsHandlers.Create(context.Settings, followRedirects: true), ChainLayer.Retry);

    /// <summary>The chain as one handler, for a client made without dependency injection.</summary>
    public HttpMessageHandler Build(ChainContext context)
    {
        var handler = _primary(context);
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            var layer = _layers[i].Create(context);
            layer.InnerHandler = handler;
            handler = layer;
        }

        return handler;
    }

    /// <summary>
    /// The chain on a factory client, with the client configured as <see cref="VideoHttpClients"/> configures its own:
    /// HTTP/2 preferred, and handlers that live as long as the singleton client holding them (the socket handler
    /// recycles its connections itself, so DNS changes are still seen).
    /// </summary>
    public void AddTo(IHttpClientBuilder client)
    {
        client.ConfigurePrimaryHttpMessageHandler(provider => _primary(ContextFrom(provider)))
            .ConfigureHttpClient(HttpVersionPreference.Apply)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        foreach (var layer in _layers)
        {
            layer.AddTo(client);
        }
    }

    /// <summary>The container's settings and connection pool, registered by <c>AddOpperVideos</c>.</summary>
    public static ChainContext ContextFrom(IServiceProvider provider) =>
        new(provider.GetRequiredService<ClientSettings>(), provider.GetRequiredService<ApiConnections>());

    private static HttpMessageHandler Authenticated(ChainContext context) => context.Connections.CreateAuthenticatedHandler();
}
