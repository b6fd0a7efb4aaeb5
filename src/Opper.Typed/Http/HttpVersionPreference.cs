namespace Opper.Typed;

/// <summary>The HTTP version every Opper.Typed client asks for, with and without dependency injection.</summary>
internal static class HttpVersionPreference
{
    /// <summary>HTTP/2 when the server offers it (TLS with ALPN), else HTTP/1.1: many polls share one connection.</summary>
    public static void Apply(HttpClient client)
    {
        client.DefaultRequestVersion = System.Net.HttpVersion.Version20;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
    }
}
