using System.Net;

namespace Opper.Typed;

/// <summary>
/// A completed job's clip as a download. The first URL is the status's; when the storage host refuses a URL, a fresh
/// one comes from polling the job again, and when the status has none (or gives a URL that is refused as well) from the
/// job's stored output (<see cref="VideoStatus.FileId"/>, through <c>GET /v3/files/{id}/content</c>). Whole means an
/// MP4 container that is whole, and the stored file's byte count once the bytes come from there.
/// </summary>
internal sealed class ClipSource : DownloadSource
{
    private readonly VideoStatus _completed;
    private readonly Func<string, CancellationToken, Task<VideoStatus>> _poll;
    private readonly FilesApi _files;
    private readonly string _jobId;
    private string? _fileId;
    private string? _lastUrl;
    private bool _polled;
    private StoredFileSource? _stored;

    /// <exception cref="ArgumentException">The status is not completed or has no URL.</exception>
    public ClipSource(VideoStatus completed, Func<string, CancellationToken, Task<VideoStatus>> poll, FilesApi files)
    {
        if (completed.State != VideoJobState.Completed || string.IsNullOrEmpty(completed.Url) || string.IsNullOrEmpty(completed.Id))
        {
            throw new ArgumentException(
                $"Job {completed.Id} is '{completed.Status}' and has no download URL; wait with WaitForCompletionAsync first.", nameof(completed));
        }

        (_completed, _poll, _files, _jobId, _fileId) = (completed, poll, files, completed.Id, completed.FileId);
    }

    public override string Id => _jobId;

    public override string Name => $"job {_jobId}";

    public override string? JobId => _jobId;

    public override string RetryAdvice => $"the clip stays available while the job's URL is valid: {JobErrors.HowToResume(_jobId).TrimEnd('.')}";

    public override async Task<string> NextUrlAsync(CancellationToken cancellationToken)
    {
        if (_lastUrl is null)
        {
            return _lastUrl = _completed.Url!;
        }

        if (_stored is null && (!_polled || _fileId is null))
        {
            _polled = true;
            VideoStatus fresh;
            try
            {
                fresh = await _poll(_jobId, cancellationToken).ConfigureAwait(false);
            }
            catch (OpperApiException) when (_fileId is not null)
            {
                // The job's record may be gone while its stored output lives on.
                return await FromStoredFileAsync(_fileId, cancellationToken).ConfigureAwait(false);
            }

            _fileId ??= fresh.FileId;
            if (fresh is { State: VideoJobState.Completed, Url.Length: > 0 } && (fresh.Url != _lastUrl || _fileId is null))
            {
                return _lastUrl = fresh.Url;
            }

            if (_fileId is null)
            {
                throw new OpperApiException(
                    HttpStatusCode.OK, "missing_url", $"the job is '{fresh.Status}' and has no download URL any more",
                    "Poll the job again later; if it persists, contact Opper support with the job id.", jobId: _jobId);
            }
        }

        return await FromStoredFileAsync(_fileId!, cancellationToken).ConfigureAwait(false);
    }

    public override string? Problem(FileStream file, HttpResponseMessage response)
    {
        var mp4 = IsMp4Type(_completed.MimeType) || IsMp4Type(_stored?.MimeType) || IsMp4Type(response.Content.Headers.ContentType?.MediaType) || Mp4Container.StartsWithFileType(file);
        return (mp4 ? Mp4Container.Problem(file) : null) ?? _stored?.Problem(file, response);
    }

    // Object stores often serve a clip as application/octet-stream (an object uploaded without a type), so the host's
    // word alone would skip the container check exactly where a cut body is likeliest to pass: any of the three decides.
    private static bool IsMp4Type(string? mediaType) => string.Equals(mediaType, "video/mp4", StringComparison.OrdinalIgnoreCase);

    private Task<string> FromStoredFileAsync(string fileId, CancellationToken cancellationToken)
    {
        _stored ??= new StoredFileSource(fileId, _files);
        return _stored.NextUrlAsync(cancellationToken);
    }
}
