using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Streams a clip from its presigned URL into <c>path.partial</c>, renaming it to <c>path</c> only when whole.
/// A dropped connection resumes with <c>Range</c> when the host allows it (else restarts); a refused or expired URL
/// is refreshed by polling the job again. The download client carries no Authorization header.
/// </summary>
internal sealed class VideoDownloader(
    HttpClient http,
    Func<string, CancellationToken, Task<VideoStatus>> poll,
    int maxAttempts,
    TimeProvider time,
    ILogger logger)
{
    private const int BufferSize = 81920;

    public async Task DownloadAsync(VideoStatus completed, string path, IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        if (completed.State != VideoJobState.Completed || string.IsNullOrEmpty(completed.Url))
        {
            throw new ArgumentException(
                $"Job {completed.Id} is '{completed.Status}' and has no download URL; wait with WaitForCompletionAsync first.", nameof(completed));
        }

        var fullPath = Path.GetFullPath(path);
        var partialPath = fullPath + ".partial";
        try
        {
            var file = new FileStream(partialPath, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await DownloadIntoAsync(completed, file, progress, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partialPath, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(partialPath);
            throw;
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
                    throw ApiErrorMapper.Map(response.StatusCode, body, response.Headers, status.Id);
                }

                logger.LogInformation("Download URL of job {JobId} was refused ({Status}); polling for a fresh one", jobId, (int)response.StatusCode);
                url = await RefreshUrlAsync(status.Id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw ApiErrorMapper.Map(response.StatusCode, body, response.Headers, status.Id);
            }

            if (response.StatusCode != HttpStatusCode.PartialContent && file.Length > 0)
            {
                // The host sent the whole clip again: start over rather than append a second copy.
                file.SetLength(0);
            }

            hostAcceptsRanges = response.Headers.AcceptRanges.Contains("bytes") || response.StatusCode == HttpStatusCode.PartialContent;
            var total = response.Content.Headers.ContentRange?.Length ?? (response.Content.Headers.ContentLength + file.Length);
            if (await CopyAsync(response, file, total, jobId, started, progress, cancellationToken).ConfigureAwait(false))
            {
                progress?.Report(new VideoProgress(VideoProgressPhase.Completed, jobId, time.GetElapsedTime(started), status.Status, file.Length, total));
                return;
            }

            if (attempt >= maxAttempts)
            {
                throw new IOException($"The download of job {jobId} broke off {maxAttempts} times at {file.Length} bytes; retry DownloadToFileAsync (the clip stays available while its URL is valid).");
            }

            logger.LogInformation("Download of job {JobId} broke off at {Bytes} bytes; {How}", jobId, file.Length, hostAcceptsRanges ? "resuming" : "restarting");
        }
    }

    /// <summary>Copies the body; false when the connection broke (a local write error still throws).</summary>
    private async Task<bool> CopyAsync(HttpResponseMessage response, FileStream file, long? total, string jobId, long started, IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var bodyScope = body.ConfigureAwait(false);
        while (true)
        {
            int read;
            try
            {
                read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            if (read == 0)
            {
                return total is null || file.Length >= total;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            progress?.Report(new VideoProgress(VideoProgressPhase.Downloading, jobId, time.GetElapsedTime(started), BytesReceived: file.Length, TotalBytes: total));
        }
    }

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

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original exception matters more than a leftover temp file that the next attempt overwrites.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
