using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// Signs download URLs like a storage host's presigned URLs: an expiry and an HMAC over the object's path, so a
/// tampered or stale URL is refused, and a clip's signature cannot be replayed on a file's path (or the reverse).
/// </summary>
internal sealed class UrlSigner
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <param name="downloadBase">The download host.</param>
    /// <param name="path">The object's path on that host, unescaped, e.g. <c>clips/gen_1.mp4</c>.</param>
    /// <param name="expires">When the URL stops working.</param>
    public string Sign(Uri downloadBase, string path, DateTimeOffset expires)
    {
        var expiry = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return new Uri(downloadBase, $"{escaped}?expires={expiry}&signature={Signature(path, expiry)}").ToString();
    }

    public bool IsAuthentic(string path, string? expiry, string? signature) =>
        expiry is not null && signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(path, expiry)), Encoding.ASCII.GetBytes(signature));

    private string Signature(string path, string expiry) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{path}\n{expiry}"))).ToLowerInvariant();
}
