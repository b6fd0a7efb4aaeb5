using System;
using System.Net;
using System.Net.Sockets;

namespace Opper.Typed.Core.Media;

/// <summary>
/// Whether a URL is one a provider's servers could fetch: not loopback, private, link-local, <c>.local</c> or <c>file:</c>.
/// </summary>
internal static class PublicUrl
{
    /// <summary>Null when the URL looks public; else why not, e.g. "a loopback address".</summary>
    public static string? WhyNotPublic(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return "not an absolute http(s) URL";
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "a localhost URL";
        }

        if (host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase) || (host.IndexOf('.') < 0 && host.IndexOf(':') < 0 && !IPAddress.TryParse(host, out _)))
        {
            return "a host name of a private network";
        }

        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return null;
        }

        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var isPrivate = address.AddressFamily == AddressFamily.InterNetwork
            ? bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168)
              || (bytes[0] == 169 && bytes[1] == 254) || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127) || bytes[0] == 0
            : address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (bytes[0] & 0xFE) == 0xFC;
        return isPrivate ? "a private network address" : null;
    }
}
