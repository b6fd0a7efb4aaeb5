namespace Opper.Typed;

/// <summary>
/// Tells a failure that happened before a byte of the request was sent: the one case where a request that is not
/// idempotent (a paid <c>POST /v3/videos</c>, an upload that counts against the quota) surely did not reach the server.
/// </summary>
internal static class RequestNeverLeft
{
    public static bool Is(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}
