using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Opper.Typed;

/// <summary>
/// The client's automatic uploads of local media (<see cref="MediaUploadMode.Auto"/>): which wire values go up instead
/// of inline, and the upload itself, once per distinct content (SHA-256) while the stored file lives, so a retried or a
/// repeated request with the same bytes reuses the file instead of filling the quota.
/// </summary>
internal sealed class MediaUploads(FileUploader uploader, ClientSettings settings)
{
    /// <summary>
    /// A cached file is reused only while it has this long left: the provider fetches it after the POST, and a job can
    /// wait in a queue before it does.
    /// </summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Task<OpperFile>> _byContent = new(StringComparer.Ordinal);

    /// <summary>The plan for <paramref name="wire"/>, or null when nothing in it is uploaded (always null for a request without media).</summary>
    /// <param name="wire">The request's wire body.</param>
    /// <param name="spec">The model's spec, when known: its accepted media decide.</param>
    public MediaUploadPlan? Plan(VideoWireRequest wire, VideoModelSpec? spec)
    {
        if (settings.MediaUpload != MediaUploadMode.Auto || !wire.HasMedia)
        {
            return null;
        }

        var plan = new MediaUploadPlan(this, spec);
        return plan.AnyIn(wire) ? plan : null;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is uploaded rather than sent inline: local bytes, and a provider that takes no
    /// data-URI or more bytes than <see cref="OpperVideoClientOptions.InlineMediaMaxBytes"/>.
    /// </summary>
    public bool WillUpload(string value, VideoModelSpec? spec) =>
        MediaInput.IsLocalValue(value)
        && (spec is not null && !spec.AcceptedMedia.Contains(MediaSourceKind.DataUri) || RawLength(value) > settings.InlineMediaMaxBytes);

    /// <summary>The id of a stored file with the bytes of the data-URI <paramref name="value"/>: a cached one, else a new upload.</summary>
    public async Task<string> FileIdAsync(string value, CancellationToken cancellationToken)
    {
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(value[(comma + 1)..]);
        var key = Convert.ToHexString(SHA256.HashData(bytes));
        var mediaType = value[5..value.IndexOf(';', StringComparison.Ordinal)];
        if (_byContent.TryGetValue(key, out var cached) && cached.IsCompletedSuccessfully && !Usable(cached.Result))
        {
            // Expired or about to: a new upload takes its place (an upload this call starts is used however short its life).
            _byContent.TryRemove(KeyValuePair.Create(key, cached));
        }

        var upload = _byContent.GetOrAdd(key, _ => UploadAsync(bytes, mediaType, cancellationToken));
        try
        {
            return (await upload.ConfigureAwait(false)).Id;
        }
        catch
        {
            // A failed upload is not the content's file: the next request tries again.
            _byContent.TryRemove(KeyValuePair.Create(key, upload));
            throw;
        }
    }

    private bool Usable(OpperFile file) => file.ExpiresAt is not { } expires || expires - settings.Time.GetUtcNow() > ExpiryMargin;

    private async Task<OpperFile> UploadAsync(byte[] bytes, string mediaType, CancellationToken cancellationToken)
    {
        // Named by type only: the name is advisory, and a local path is the caller's business, not the server's.
        var name = "media." + mediaType[(mediaType.IndexOf('/', StringComparison.Ordinal) + 1)..];
        using var source = await UploadSource.OpenAsync(new MemoryStream(bytes, writable: false), name, owns: true, cancellationToken).ConfigureAwait(false);
        return await uploader.UploadAsync(source, options: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The raw byte count a base64 data-URI encodes, from its length alone.</summary>
    private static long RawLength(string dataUri)
    {
        var comma = dataUri.IndexOf(',', StringComparison.Ordinal);
        return (dataUri.Length - comma - 1) / 4L * 3;
    }
}
