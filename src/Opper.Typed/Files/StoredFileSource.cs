namespace Opper.Typed;

/// <summary>
/// A stored file as a download: each URL (the first and every fresh one after the storage host refused the last) comes
/// from <c>GET /v3/files/{id}/content</c>, and the bytes are whole when they are as many as that call announced. A file
/// need not be an MP4, so no container is checked.
/// </summary>
internal sealed class StoredFileSource(string fileId, FilesApi files) : DownloadSource
{
    private long? _bytes;

    public override string Id => fileId;

    public override string Name => $"file {fileId}";

    public override string RetryAdvice => "retry the download (the file stays available until it expires)";

    /// <summary>The media type the last content call announced.</summary>
    public string? MimeType { get; private set; }

    public override async Task<string> NextUrlAsync(CancellationToken cancellationToken)
    {
        var content = await files.ContentAsync(fileId, cancellationToken).ConfigureAwait(false);
        _bytes = content.Bytes;
        MimeType = content.MimeType;
        return content.Url!;
    }

    public override string? Problem(FileStream file, HttpResponseMessage response) => CountProblem(file, _bytes);
}
