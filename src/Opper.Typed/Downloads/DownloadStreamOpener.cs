using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Opens a download (a completed job's clip, a stored file) as a stream over its presigned URL, on the download client
/// (which never carries the Authorization header). A refused or expired URL is exchanged for a fresh one from the
/// source, as a file download does.
/// </summary>
internal sealed class DownloadStreamOpener(
    HttpClient download,
    int maxAttempts,
    TimeSpan stallTimeout,
    TimeProvider time,
    ILogger logger)
{
    public async Task<Stream> OpenAsync(DownloadSource source, Action<long> bytesRead, Action<TimeSpan> finished, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var url = await source.NextUrlAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var response = await download.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            try
            {
                if (VerifiedDownloader.IsRefusedUrl(response.StatusCode) && attempt < maxAttempts)
                {
                    Log.DownloadUrlRefused(logger, source.Name, (int)response.StatusCode);
                    response.Dispose();
                    url = await source.NextUrlAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    throw ApiErrorMapper.Map(response.StatusCode, body, response.Headers, source.JobId, fromDownloadHost: true);
                }

                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return new DownloadReadStream(
                    response, stream, new ReadStallGuard(stallTimeout, time), source, response.Content.Headers.ContentLength, bytesRead, () => finished(time.GetElapsedTime(started)));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
