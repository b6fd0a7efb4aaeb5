namespace Opper.Typed;

/// <summary>
/// The one connection pool to the API host, shared by the chain that submits (no retry handler on its path) and the
/// chain that polls and lists (retries), so a job's POST and its polls reuse the same connections. Owned by whoever
/// made it: the client that is not given HttpClients, or the dependency injection container.
/// </summary>
internal sealed class ApiConnections(ClientSettings settings) : IDisposable
{
    /// <summary>Redirects are not followed down here but by <see cref="SameOriginRedirectHandler"/>, on the API's origin only.</summary>
    public SocketsHttpHandler Sockets { get; } = SocketsHandlers.Create(settings, followRedirects: false);

    /// <summary>The bottom of an API chain: same-origin redirects followed, each hop with the key added right above the shared pool.</summary>
    public HttpMessageHandler CreateAuthenticatedHandler() =>
        new SameOriginRedirectHandler { InnerHandler = new BearerTokenHandler(settings.ApiKey) { InnerHandler = new SharedHandler(Sockets) } };

    public void Dispose() => Sockets.Dispose();
}
