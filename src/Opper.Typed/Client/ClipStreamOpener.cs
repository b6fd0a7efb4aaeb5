using System.Net;
using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Opens a completed job's clip as a stream over its presigned URL, on the download client (which never carries the
/// Authorization header). A refused or expired URL is refreshed by polling the job again, as a file download does.
/// </summary>
internal sealed class ClipStreamOpener(
    HttpClient download,
    Func<string, CancellationToken, Task<VideoStatus>> poll,
    int maxAttempts,
    TimeSpan stallTimeout,
    TimeProvider time,
    ILogger logger)
{
    public async Task<Stream> OpenAsync(VideoStatus completed, Action<long> bytesRead, Action<TimeSpan> finished, CancellationToken cancellationToken)
    {
        var jobId = completed.Id!;
        var url = completed.Url!;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var response = await download.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            try
            {
                if (VideoDownloader.IsRefusedUrl(response.StatusCode) && attempt < maxAttempts)
                {
                    Log.DownloadUrlRefused(logger, jobId, (int)response.StatusCode);
                    response.Dispose();
                    url = await RefreshUrlAsync(jobId, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    throw ApiErrorMapper.Map(response.StatusCode, body, response.Headers, jobId, fromDownloadHost: true);
                }

                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return new ClipReadStream(response, stream, new ReadStallGuard(stallTimeout, time), jobId, response.Content.Headers.ContentLength, bytesRead, () => finished(time.GetElapsedTime(started)));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    private async Task<string> RefreshUrlAsync(string jobId, CancellationToken cancellationToken)
    {
        var fresh = await poll(jobId, cancellationToken).ConfigureAwait(false);
        return fresh is { State: VideoJobState.Completed, Url: { Length: > 0 } url }
            ? url
            : throw new OpperApiException(
                HttpStatusCode.OK, "missing_url", $"the job is '{fresh.Status}' and has no download URL any more",
                "Poll the job again later; if it persists, contact Opper support with the job id.", jobId: jobId);
    }
}
