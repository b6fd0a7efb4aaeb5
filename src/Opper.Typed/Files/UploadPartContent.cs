namespace Opper.Typed;

/// <summary>
/// The multipart <c>file</c> part: the body stream copied in <paramref name="chunkSize"/> chunks, with the source's
/// length when it is known. <see cref="StreamContent"/> cannot be used for the part: the body stream cannot seek, and
/// <see cref="MultipartContent"/> asks each part to compute its length (not its <c>Content-Length</c> header), so a
/// <see cref="StreamContent"/> over it sent the whole request chunked, even for a file of known size. Chunked framing
/// split every chunk into two socket writes and made the server parse frames (docs/performance.md, Uploads); some
/// hosts also refuse a chunked upload. Disposing the part disposes the body stream (which leaves a caller's stream open).
/// </summary>
internal sealed class UploadPartContent(UploadBodyStream body, long? knownLength, int chunkSize) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
        body.CopyToAsync(stream, chunkSize, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = knownLength ?? 0;
        return knownLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
        }

        base.Dispose(disposing);
    }
}
