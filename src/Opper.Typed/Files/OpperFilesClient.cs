using System.Runtime.CompilerServices;

namespace Opper.Typed;

/// <summary>
/// Opper's Files (<c>/v3/files</c>): upload images and videos once and pass their id (<see cref="MediaInput.FromFileId"/>,
/// which every provider accepts), list and delete what the organization stores, and download stored files such as a
/// finished job's output. Get it from <see cref="OpperVideoClient.Files"/>; it shares that client's connections, key,
/// retries and timeouts. Thread-safe.
/// </summary>
/// <remarks>Files count against the organization's storage quota until they expire or are deleted.</remarks>
public class OpperFilesClient
{
    private readonly VideoJobContext? _context;

    /// <summary>For mocking: a files client that is not connected to any client. Override the members you use.</summary>
    protected OpperFilesClient()
    {
    }

    internal OpperFilesClient(VideoJobContext context) => _context = context;

    private VideoJobContext Context => _context
        ?? throw new InvalidOperationException($"This {GetType().Name} was made by the protected constructor meant for mocking; override the member you call.");

    /// <summary>
    /// Uploads a local file (<c>POST /v3/files</c>), streaming it from disk. Its type is checked from its first bytes
    /// before anything is sent: the purpose <see cref="OpperFileUploadOptions.ReferenceMedia"/> takes PNG, JPEG, WebP and
    /// GIF images and MP4, WebM and MOV videos. Sent again only when it surely never left (an upload counts against the quota).
    /// </summary>
    /// <param name="path">The file to upload; its name is sent as the advisory <c>filename</c>.</param>
    /// <param name="options">Purpose and time to live; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file; pass <see cref="OpperFile.Id"/> on with <see cref="MediaInput.FromFileId"/>.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="OpperValidationException">The purpose does not accept the file's type; nothing was sent.</exception>
    /// <exception cref="OpperApiException">Opper refused the upload; over the size limit or the quota, the message names the limit and the fix.</exception>
    /// <exception cref="IOException">The upload broke off or its answer was lost; the file may be stored (list to see).</exception>
    public virtual async Task<OpperFile> UploadAsync(string path, OpperFileUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var source = await UploadSource.OpenFileAsync(path, cancellationToken).ConfigureAwait(false);
        return await Context.Files.Uploader.UploadAsync(source, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads a stream from its current position to its end (<c>POST /v3/files</c>) without buffering it whole. Its type
    /// is checked from its first bytes before anything is sent (see <see cref="UploadAsync(string, OpperFileUploadOptions?, CancellationToken)"/>).
    /// A seekable stream can be sent again when the first attempt never left; one that cannot seek is sent once. The
    /// stream is left open.
    /// </summary>
    /// <param name="content">The bytes.</param>
    /// <param name="fileName">The advisory file name, e.g. <c>cat.png</c>.</param>
    /// <param name="options">Purpose and time to live; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file.</returns>
    /// <exception cref="OpperValidationException">The purpose does not accept the bytes' type; nothing was sent.</exception>
    /// <exception cref="OpperApiException">Opper refused the upload; over the size limit or the quota, the message names the limit and the fix.</exception>
    /// <exception cref="IOException">The upload broke off or its answer was lost; the file may be stored (list to see).</exception>
    public virtual async Task<OpperFile> UploadAsync(Stream content, string fileName, OpperFileUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        using var source = await UploadSource.OpenAsync(content, fileName, owns: false, cancellationToken).ConfigureAwait(false);
        return await Context.Files.Uploader.UploadAsync(source, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every stored file, page by page (<c>GET /v3/files</c>, 100 a page), as they are read.</summary>
    /// <param name="cancellationToken">Stops the listing (also honoured through <c>WithCancellation</c>).</param>
    /// <returns>The files.</returns>
    /// <exception cref="OpperApiException">Opper answered with an error.</exception>
    public virtual async IAsyncEnumerable<OpperFile> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var files = Context.Files;
        for (var offset = 0; ;)
        {
            var page = await files.ListPageAsync(offset, cancellationToken).ConfigureAwait(false);
            var data = page.Data ?? [];
            foreach (var file in data)
            {
                yield return file;
            }

            offset += data.Count;
            // The end: an empty or short page, or as many as the total says (a server may serve fewer than asked for).
            if (data.Count == 0 || (page.Meta?.Total is { } total ? offset >= total : data.Count < FilesApi.PageSize))
            {
                yield break;
            }
        }
    }

    /// <summary>Deletes a stored file (<c>DELETE /v3/files/{id}</c>), freeing its share of the quota.</summary>
    /// <param name="fileId">The file id, <c>file_…</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpperApiException">Opper answered with an error (404: no such file).</exception>
    public virtual Task DeleteAsync(string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return Context.Files.DeleteAsync(fileId, cancellationToken);
    }

    /// <summary>
    /// Opens a stored file as a read-only stream over its presigned URL (<c>GET /v3/files/{id}/content</c>); the download
    /// host never receives the API key, and a refused or expired URL is asked for again. Dispose the stream to end the download.
    /// </summary>
    /// <param name="fileId">The file id, <c>file_…</c> (an upload, or <see cref="VideoStatus.FileId"/>).</param>
    /// <param name="cancellationToken">Cancels opening; pass a token to the reads as well.</param>
    /// <returns>The file's bytes; a read that breaks off throws an <see cref="IOException"/> naming the file.</returns>
    /// <exception cref="OpperApiException">Opper or the download host answered with an error (404: no such file).</exception>
    public virtual Task<Stream> OpenReadAsync(string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        var context = Context;
        return context.StreamOpener.OpenAsync(new StoredFileSource(fileId, context.Files), static _ => { }, static _ => { }, cancellationToken);
    }

    /// <summary>
    /// Downloads a stored file to <paramref name="path"/>, as a clip is downloaded: written beside it and moved there only
    /// when whole (as many bytes as Opper announced), a broken transfer resumed, an expired URL asked for again; the
    /// download host never receives the API key.
    /// </summary>
    /// <param name="fileId">The file id, <c>file_…</c>.</param>
    /// <param name="path">The destination; replaced if it exists. Its folder must exist.</param>
    /// <param name="progress">Receives byte counts; <see cref="VideoProgress.JobId"/> carries the file id.</param>
    /// <param name="cancellationToken">Stops the download; no file is left behind.</param>
    /// <exception cref="ArgumentException">The path is a folder or its folder does not exist.</exception>
    /// <exception cref="OpperApiException">Opper or the download host answered with an error (404: no such file).</exception>
    /// <exception cref="IOException">The transfer kept breaking off; nothing was written.</exception>
    public virtual Task DownloadToFileAsync(string fileId, string path, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        Destination.ThrowIfUnusable(path, "Nothing was downloaded");
        var context = Context;
        return context.Downloader.DownloadAsync(new StoredFileSource(fileId, context.Files), path, progress, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => "OpperFilesClient";
}
