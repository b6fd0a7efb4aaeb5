namespace Opper.Typed;

/// <summary>
/// The socket handler at the bottom of every chain: connections recycled (DNS changes are seen), bounded per host,
/// and more than one HTTP/2 connection allowed when one is full of streams.
/// </summary>
internal static class SocketsHandlers
{
    /// <summary>How long idle pooled connections live, so DNS changes are seen by a long-lived (singleton) client.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Downloads follow redirects anywhere (a presigned URL may move, and never carries the key); the API's chain follows
    /// them itself, on its origin only (<see cref="SameOriginRedirectHandler"/>), so its socket follows none.
    /// </summary>
    public static SocketsHttpHandler Create(ClientSettings settings, bool followRedirects) => new()
    {
        PooledConnectionLifetime = ConnectionLifetime,
        MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
        EnableMultipleHttp2Connections = true,
        AllowAutoRedirect = followRedirects,
    };
}
