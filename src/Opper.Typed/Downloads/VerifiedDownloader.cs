using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Streams a presigned URL (a clip's, a stored file's) into a uniquely named partial file beside the destination,
/// renaming it only when whole: the announced length reached, and whatever the <see cref="DownloadSource"/> checks
/// (a clip's MP4 container, a file's byte count). A dropped connection resumes with <c>Range</c> when the host allows
/// it and answers from the right offset (else restarts); a refused or expired URL is exchanged for a fresh one from the
/// source. The download client carries no Authorization header.
/// </summary>
internal sealed class VerifiedDownloader(
    HttpClient http,
    int maxAttempts,
    TimeSpan stallTimeout,
    TimeProvider time,
    ILogger logger)
{
    private const int BufferSize = 81920;

    /// <param name="source">What is downloaded, and where its URLs come from.</param>
    /// <param name="path">The destination.</param>
    /// <param name="progress">Receives byte counts.</param>
    /// <param name="cancellationToken">Stops the download; its partial file is deleted.</param>
    /// <param name="partialOwner">Names the partial file after its owner (see <see cref="PartialFile.Create"/>); null for a random name.</param>
    public async Task DownloadAsync(DownloadSource source, string path, IProgress<VideoProgress>? progress, CancellationToken cancellationToken, string? partialOwner = null)
    {
        var partial = PartialFile.Create(path, BufferSize, partialOwner);
        await using (partial.ConfigureAwait(false))
        {
            await DownloadIntoAsync(source, partial.Stream, progress, cancellationToken).ConfigureAwait(false);
            await partial.CommitAsync().ConfigureAwait(false);
        }
    }

    private async Task DownloadIntoAsync(DownloadSource source, FileStream file, IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var id = source.Id;
        var url = await source.NextUrlAsync(cancellationToken).ConfigureAwait(false);
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
                if (attempt >= maxAttempts)
                {
                    throw await RefusedAsync(response, source, cancellationToken).ConfigureAwait(false);
                }

                Log.DownloadUrlRefused(logger, source.Name, (int)response.StatusCode);
                url = await source.NextUrlAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await RefusedAsync(response, source, cancellationToken).ConfigureAwait(false);
            }

            if (response.StatusCode != HttpStatusCode.PartialContent && file.Length > 0)
            {
                // The host sent the whole clip again: start over rather than append a second copy.
                file.SetLength(0);
            }
            else if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From != file.Length)
            {
                // Bytes from another offset would be spliced in at the wrong place: start over without Range.
                Log.WrongRange(logger, source.Name, response.Content.Headers.ContentRange?.From, file.Length);
                file.SetLength(0);
                hostAcceptsRanges = false;
                continue;
            }

            hostAcceptsRanges = response.Headers.AcceptRanges.Contains("bytes") || response.StatusCode == HttpStatusCode.PartialContent;
            var total = response.Content.Headers.ContentRange?.Length ?? (response.Content.Headers.ContentLength + file.Length);
            var broken = await CopyAsync(response, file, total, id, started, progress, cancellationToken).ConfigureAwait(false);
            if (broken is null)
            {
                if (Incomplete(file, total, source, response) is not { } problem)
                {
                    progress?.Report(new VideoProgress(VideoProgressPhase.Completed, id, time.GetElapsedTime(started), "completed", file.Length, total));
                    return;
                }

                if (attempt >= maxAttempts)
                {
                    throw new InvalidDataException($"The download of {source.Name} is not whole: {problem}. Nothing was written; {source.RetryAdvice}.");
                }

                // Not whole although the body ended cleanly (cut off without a Content-Length, or longer than announced): start over.
                Log.NotWhole(logger, source.Name, problem);
                file.SetLength(0);
                hostAcceptsRanges = false;
                continue;
            }

            if (attempt >= maxAttempts)
            {
                throw new IOException($"The download of {source.Name} broke off {maxAttempts} times, the last at {file.Length} bytes ({broken.Message.TrimEnd('.')}); {source.RetryAdvice}.", broken);
            }

            Log.BrokeOff(logger, source.Name, file.Length, broken.Message, hostAcceptsRanges ? "resuming" : "restarting");
        }
    }

    /// <summary>
    /// Copies the body; returns why the connection broke (dropped, or silent for the stall timeout), or null when the
    /// body ended. A local write error still throws.
    /// </summary>
    private async Task<Exception?> CopyAsync(HttpResponseMessage response, FileStream file, long? total, string id, long started, IProgress<VideoProgress>? progress, CancellationToken cancellationToken)
    {
        using var guard = new ReadStallGuard(stallTimeout, time);
        Action? wrote = progress is null
            ? null
            : () => progress.Report(new VideoProgress(VideoProgressPhase.Downloading, id, time.GetElapsedTime(started), BytesReceived: file.Length, TotalBytes: total));
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

    /// <summary>Null when the bytes are whole: not empty, the announced length exactly, and what the source checks.</summary>
    private static string? Incomplete(FileStream file, long? total, DownloadSource source, HttpResponseMessage response)
    {
        if (file.Length == 0)
        {
            return "the body was empty";
        }

        if (total is { } expected && file.Length != expected)
        {
            return $"{file.Length} bytes arrived for {expected} announced";
        }

        return source.Problem(file, response);
    }

    private static async Task<OpperApiException> RefusedAsync(HttpResponseMessage response, DownloadSource source, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ApiErrorMapper.Map(response.StatusCode, body, response.Headers, source.JobId, fromDownloadHost: true);
    }

    // Storage hosts answer an expired or tampered presigned URL with 400 (GCS), 403 (S3) or 410.
    internal static bool IsRefusedUrl(HttpStatusCode status) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.Gone or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized;
}
