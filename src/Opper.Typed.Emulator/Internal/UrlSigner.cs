using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Opper.Typed.Emulator.Internal;

/// <summary>Signs download URLs like a storage host's presigned URLs: an expiry and an HMAC, so a tampered or stale URL is refused.</summary>
internal sealed class UrlSigner
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Sign(Uri downloadBase, string jobId, DateTimeOffset expires)
    {
        var expiry = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Uri(downloadBase, $"clips/{Uri.EscapeDataString(jobId)}.mp4?expires={expiry}&signature={Signature(jobId, expiry)}").ToString();
    }

    public bool IsAuthentic(string jobId, string? expiry, string? signature) =>
        expiry is not null && signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(jobId, expiry)), Encoding.ASCII.GetBytes(signature));

    private string Signature(string jobId, string expiry) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{jobId}\n{expiry}"))).ToLowerInvariant();
}
