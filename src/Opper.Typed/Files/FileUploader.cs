using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Opper.Typed;

/// <summary>
/// Sends <c>POST /v3/files</c>: a multipart body whose <c>file</c> part streams from the source. An upload counts
/// against the organization's quota, so, like the video POST (<see cref="JobSubmitter"/>), it is sent again only when
/// it surely never left (<see cref="RequestNeverLeft"/>) and the source can give the same bytes again. Its time is
/// bounded by silence, not length: <see cref="OpperVideoClientOptions.RequestTimeout"/> without a byte moving (while
/// sending) or without an answer (after the body), so a gigabyte on a slow line is not cut off at a fixed time.
/// </summary>
internal sealed class FileUploader(HttpClient upload, Uri filesUri, ClientSettings settings)
{
    private const int ChunkSize = 81920;

    public async Task<OpperFile> UploadAsync(UploadSource source, OpperFileUploadOptions? options, CancellationToken cancellationToken)
    {
        var purpose = string.IsNullOrWhiteSpace(options?.Purpose) ? OpperFileUploadOptions.ReferenceMedia : options.Purpose;
        var mediaType = FilePurposes.Check(purpose, source.Head, source.FileName);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeout = settings.RequestTimeout;
            var armed = 0L;
            void Arm()
            {
                if (timeout != Timeout.InfiniteTimeSpan)
                {
                    silence.CancelAfter(timeout);
                    armed = Stopwatch.GetTimestamp();
                }
            }

            // A timer reset per chunk is thousands a gigabyte: re-arm once an eighth of the timeout has passed instead,
            // so silence is still caught within 9/8 of RequestTimeout.
            void Moved()
            {
                if (timeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(armed) > timeout / 8)
                {
                    Arm();
                }
            }

            Arm();
            var body = source.OpenBody(Moved, Arm);
            using var content = Multipart(body, source, mediaType, purpose, options?.TimeToLive);
            try
            {
                using var response = await upload.PostAsync(filesUri, content, silence.Token).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(silence.Token).ConfigureAwait(false);
                return response.IsSuccessStatusCode
                    ? Read(text, response)
                    : throw FileErrors.Map(response.StatusCode, text, response.Headers, settings.ApiKey);
            }
            catch (HttpRequestException exception) when (RequestNeverLeft.Is(exception) && !body.Started && source.CanRepeat && attempt < settings.Retry.MaxRetries)
            {
                await Task.Delay(settings.Retry.BaseDelay * Math.Pow(2, attempt), settings.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception) when (RequestNeverLeft.Is(exception) && !body.Started)
            {
                throw;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var cause = exception is OperationCanceledException ? $"nothing moved for {timeout} (OpperVideoClientOptions.RequestTimeout)" : exception.Message.TrimEnd('.');
                throw new IOException(
                    $"The upload of '{source.FileName}' (POST /v3/files) broke off or its answer was lost: {cause}. It was not sent again, because the file may have been stored and counts against the organization's quota: look for it with client.Files.ListAsync, then upload again if it is not there.",
                    exception);
            }
        }
    }

    private static MultipartFormDataContent Multipart(UploadBodyStream body, UploadSource source, string? mediaType, string purpose, TimeSpan? timeToLive)
    {
        // The part states the source's length itself: without it the whole request goes chunked (UploadPartContent).
        var file = new UploadPartContent(body, source.Length, ChunkSize);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType ?? "application/octet-stream");
        var content = new MultipartFormDataContent
        {
            { file, "file", source.FileName },
            { new StringContent(source.FileName), "filename" },
            { new StringContent(purpose), "purpose" },
        };
        if (timeToLive is { } ttl)
        {
            content.Add(new StringContent(((long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture)), "ttl_seconds");
        }

        return content;
    }

    private static OpperFile Read(string text, HttpResponseMessage response)
    {
        try
        {
            if (JsonSerializer.Deserialize(text, OpperJsonContext.Default.OpperFile) is { Id.Length: > 0 } file)
            {
                return file;
            }
        }
        catch (JsonException)
        {
            // Reported below with the body's first line.
        }

        throw new OpperApiException(
            response.StatusCode, "invalid_response", $"the answer to POST /v3/files is not a file object: {BodyText.FirstLine(text)}",
            "The server is not speaking the Opper v3 API: check OpperVideoClientOptions.BaseAddress. The file may have been stored: look for it with client.Files.ListAsync.");
    }
}
