using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Streams a clip from its presigned URL into a uniquely named partial file beside the destination, renaming it only
/// when whole: the announced length reached, and for MP4 a well-formed container. A dropped connection resumes with
/// <c>Range</c> when the host allows it and answers from the right offset (else restarts); a refused or expired URL is
/// refreshed by polling the job again. The download client carries no Authorization header.
/// </summary>
internal sealed class VideoDownloader(
    HttpClient http,
    Func<string, CancellationToken, Task<VideoStatus>> poll,
    int maxAttempts,
    TimeSpan stallTimeout,
    TimeProvider time,
    ILogger logger)
{
    private const int BufferSize = 81920;

    /// <param name="completed">The completed status, with its URL.</param>
    /// <param name="path">The destination.</param>
    /// <param name="progress">Receives byte counts.</param>
    /// <param name="cancellationToken">Stops the download; its partial file is deleted.</param>
    /// <param name="partialOwner">Names the partial file after its owner (see <see cref="PartialFile.Create"/>); null for a random name.</param>
    public async Task DownloadAsync(VideoStatus completed, string path, IProgress<VideoProgress>? progress, CancellationToken cancellationToken, string? partialOwner = null)
    {
        if (completed.State != VideoJobState.Completed || string.IsNullOrEmpty(completed.Url))
        {
            throw new ArgumentException(
                $"Job {completed.Id} is '{completed.Status}' and has no download URL; wait with WaitForCompletionAsync first.", nameof(completed));
        }

        var partial = PartialFile.Create(path, BufferSize, partialOwner);
        await using (partial.ConfigureAwait(false))
        {
            await DownloadIntoAsync(completed, partial.Stream, progress, cancellationToken).ConfigureAwait(false);
            await partial.CommitAsync().ConfigureAwait(false);
        }
    }

    private async Task DownloadIntoAsync(VideoStatus status, FileStream file, IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var jobId = status.Id ?? "(unknown)";
        var url = status.Url!;
        var hostAcceptsRanges = false;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (file.Length > 0 && hostAcceptsRanges)
            {
                request.Headers.Range = new RangeHeaderValue(file.Length, null);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (IsRefusedUrl(response.StatusCode))
            {
                if (attempt >= maxAttempts || status.Id is null)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    throw ApiErrorMapper.Map(response.StatusCode, body, response.Headers, status.Id, fromDownloadHost: true);
                }

                Log.DownloadUrlRefused(logger, jobId, (int)response.StatusCode);
                url = await RefreshUrlAsync(status.Id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw ApiErrorMapper.Map(response.StatusCode, body, response.Headers, status.Id, fromDownloadHost: true);
            }

            if (response.StatusCode != HttpStatusCode.PartialContent && file.Length > 0)
            {
                // The host sent the whole clip again: start over rather than append a second copy.
                file.SetLength(0);
            }
            else if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From != file.Length)
            {
                // Bytes from another offset would be spliced in at the wrong place: start over without Range.
                Log.WrongRange(logger, jobId, response.Content.Headers.ContentRange?.From, file.Length);
                file.SetLength(0);
                hostAcceptsRanges = false;
                continue;
            }

            hostAcceptsRanges = response.Headers.AcceptRanges.Contains("bytes") || response.StatusCode == HttpStatusCode.PartialContent;
            var total = response.Content.Headers.ContentRange?.Length ?? (response.Content.Headers.ContentLength + file.Length);
            var broken = await CopyAsync(response, file, total, jobId, started, progress, cancellationToken).ConfigureAwait(false);
            if (broken is null)
            {
                if (Incomplete(file, total, IsMp4(response, status, file)) is not { } problem)
                {
                    progress?.Report(new VideoProgress(VideoProgressPhase.Completed, jobId, time.GetElapsedTime(started), status.Status, file.Length, total));
                    return;
                }

                if (attempt >= maxAttempts)
                {
                    throw new InvalidDataException($"The download of job {jobId} is not a whole clip: {problem}. Nothing was written; retry the download (the clip stays available while its URL is valid).");
                }

                // Not whole although the body ended cleanly (cut off without a Content-Length, or longer than announced): start over.
                Log.NotWhole(logger, jobId, problem);
                file.SetLength(0);
                hostAcceptsRanges = false;
                continue;
            }

            if (attempt >= maxAttempts)
            {
                throw new IOException($"The download of job {jobId} broke off {maxAttempts} times, the last at {file.Length} bytes ({broken.Message.TrimEnd('.')}); retry DownloadToFileAsync (the clip stays available while its URL is valid).", broken);
            }

            Log.BrokeOff(logger, jobId, file.Length, broken.Message, hostAcceptsRanges ? "resuming" : "restarting");
        }
    }

    /// <summary>
    /// Copies the body; returns why the connection broke (dropped, or silent for the stall timeout), or null when the
    /// body ended. A local write error still throws.
    /// </summary>
    private async Task<Exception?> CopyAsync(HttpResponseMessage response, FileStream file, long? total, string jobId, long started, IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        using var guard = new ReadStallGuard(stallTimeout, time);
        Action? wrote = progress is null
            ? null
            : () => progress.Report(new VideoProgress(VideoProgressPhase.Downloading, jobId, time.GetElapsedTime(started), BytesReceived: file.Length, TotalBytes: total));
        var sink = new DownloadSink(file, guard, wrote, cancellationToken);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var bodyScope = body.ConfigureAwait(false);
        try
        {
            await guard.CopyAsync(body, sink, BufferSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or TimeoutException && sink.WriteError is null && !cancellationToken.IsCancellationRequested)
        {
            return exception;
        }

        // A body shorter than announced broke off; one that is longer or unannounced is judged whole or not by the caller.
        return total is null || file.Length >= total ? null : new IOException($"the body ended at {file.Length} of {total} bytes");
    }

    /// <summary>Null when the bytes are the whole clip: not empty, the announced length exactly, a whole MP4 container.</summary>
    private static string? Incomplete(FileStream file, long? total, bool mp4)
    {
        if (file.Length == 0)
        {
            return "the body was empty";
        }

        if (total is { } expected && file.Length != expected)
        {
            return $"{file.Length} bytes arrived for {expected} announced";
        }

        return mp4 ? Mp4Container.Problem(file) : null;
    }

    /// <summary>
    /// Whether the bytes must pass as a whole MP4: the job says it made one, the host says it serves one, or the bytes begin
    /// with an <c>ftyp</c> box. Object stores often serve a clip as <c>application/octet-stream</c> (an object uploaded
    /// without a type), so the host's word alone would skip the check exactly where a cut body is likeliest to pass.
    /// </summary>
    private static bool IsMp4(HttpResponseMessage response, VideoStatus status, FileStream file) =>
        IsMp4Type(status.MimeType) || IsMp4Type(response.Content.Headers.ContentType?.MediaType) || Mp4Container.StartsWithFileType(file);

    private static bool IsMp4Type(string? mediaType) => string.Equals(mediaType, "video/mp4", StringComparison.OrdinalIgnoreCase);

    private async Task<string> RefreshUrlAsync(string jobId, CancellationToken cancellationToken)
    {
        var fresh = await poll(jobId, cancellationToken).ConfigureAwait(false);
        return fresh is { State: VideoJobState.Completed, Url: { Length: > 0 } url }
            ? url
            : throw new InvalidOperationException($"Job {jobId} is '{fresh.Status}' and has no download URL any more.");
    }

    // Storage hosts answer an expired or tampered presigned URL with 400 (GCS), 403 (S3) or 410.
    internal static bool IsRefusedUrl(HttpStatusCode status) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.Gone or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized;
}
