namespace Opper.Typed;

/// <summary>
/// Which media of one request are uploaded before its POST, and the uploads themselves. Validation is told which values
/// go up (<see cref="WillUpload"/>, the rules' "uploadable" media fact), so a bad request is refused before anything is
/// uploaded, and local media on a provider that takes no data-URI is not refused for a form it will not be sent in.
/// </summary>
internal sealed class MediaUploadPlan(MediaUploads uploads, VideoModelSpec? spec)
{
    /// <summary>The one question the validator needs answered about a media value: is it uploaded (and so sent as a file id)?</summary>
    public bool WillUpload(string value) => uploads.WillUpload(value, spec);

    /// <summary>Whether anything in <paramref name="wire"/> is uploaded.</summary>
    public bool AnyIn(VideoWireRequest wire) =>
        wire.Image is { } image && WillUpload(image)
        || wire.Video is { } video && WillUpload(video)
        || wire.ReferenceImages?.Any(WillUpload) == true;

    /// <summary>Uploads (or finds the stored file of) each value to upload, and returns the body to send, with their file ids.</summary>
    public async Task<VideoWireRequest> UploadAsync(VideoWireRequest wire, CancellationToken cancellationToken)
    {
        // By reference: a local value is the very string its MediaInput made, and a data-URI is too long to hash twice.
        var ids = new Dictionary<string, string>(ReferenceEqualityComparer.Instance);
        foreach (var value in (string?[])[wire.Image, wire.Video, .. wire.ReferenceImages ?? []])
        {
            if (value is not null && WillUpload(value) && !ids.ContainsKey(value))
            {
                ids[value] = await uploads.FileIdAsync(value, cancellationToken).ConfigureAwait(false);
            }
        }

        return wire.WithMedia(value => ids.TryGetValue(value, out var id) ? id : value);
    }
}
