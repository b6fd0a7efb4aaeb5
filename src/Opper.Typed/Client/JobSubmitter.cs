using System.Net.Http.Json;
using System.Text.Json;

namespace Opper.Typed;

/// <summary>
/// Sends <c>POST /v3/videos</c> once, never again, and tells apart what the caller must treat differently: a refusal
/// (an <see cref="OpperApiException"/>: no job), a request that never left (the original exception: no job), and an
/// answer lost after the request left (<see cref="VideoSubmissionUncertainException"/> or, when the caller cancelled,
/// <see cref="VideoGenerationCanceledException"/>: the job may exist).
/// </summary>
internal sealed class JobSubmitter(HttpClient api, Uri submitUri, string apiKey)
{
    public async Task<VideoJob> SubmitAsync(VideoWireRequest wire, CancellationToken cancellationToken)
    {
        // Cancelled before anything was sent: nothing to account for, so the plain cancellation is right.
        cancellationToken.ThrowIfCancellationRequested();
        using var content = JsonContent.Create(wire, OpperJsonContext.Default.VideoWireRequest);
        HttpResponseMessage response;
        try
        {
            response = await api.PostAsync(submitUri, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (RequestNeverLeft.Is(exception))
        {
            throw;
        }
        catch (AnswerCutOffException exception) when (IsSuccess(exception.StatusCode) && !cancellationToken.IsCancellationRequested)
        {
            throw Lost(wire.Model, exception, cancellationToken, PartialJobReader.Read(exception.Received));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            throw Lost(wire.Model, exception, cancellationToken);
        }

        using (response)
        {
            Stream body;
            try
            {
                // Buffered by the attempt handler below: read from memory (synchronously: it never blocks, and saves a
                // task), and parsed from bytes without a string.
                body = response.Content.ReadAsStream(cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
            {
                throw Lost(wire.Model, exception, cancellationToken);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw ApiErrorMapper.Map(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), response.Headers, secret: apiKey);
            }

            return await ReadJobAsync(wire.Model, response, body, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<VideoJob> ReadJobAsync(string model, HttpResponseMessage response, Stream body, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        VideoJob? job;
        try
        {
            job = JsonSerializer.Deserialize(body, OpperJsonContext.Default.VideoJob);
        }
        catch (JsonException exception)
        {
            // A 2xx whose body cannot be read is an answer cut off or mangled on the way: the job was most likely created,
            // and the part that did arrive may name it.
            var received = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw Lost(model, new InvalidDataException($"the {status} answer could not be read as JSON ({exception.Message})", exception), CancellationToken.None, PartialJobReader.Read(received));
        }

        if (job is null || string.IsNullOrWhiteSpace(job.Id))
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw Lost(model, new InvalidDataException($"the {status} answer has no job id: {BodyText.FirstLine(text)}"), CancellationToken.None);
        }

        return job;
    }

    private static bool IsSuccess(System.Net.HttpStatusCode? status) => (int?)status is >= 200 and < 300;

    private static Exception Lost(string model, Exception exception, CancellationToken cancellationToken, (string? Id, string? StatusUrl) received = default)
    {
        const string NotRepeated = "it was not sent again, because a second POST is a second paid job.";
        const string MayExist = "The job may have been created (and billed); " + NotRepeated + " Check the Opper dashboard before submitting it again.";
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return new VideoGenerationCanceledException(
                jobId: null, $"Cancelled while POST /v3/videos ({model}) was in flight, before its answer arrived: no job id was received. {MayExist}", exception, cancellationToken);
        }

        var cause = exception is OperationCanceledException ? "it timed out" : exception.Message.TrimEnd('.');
        if (received.Id is { } id)
        {
            return new VideoSubmissionUncertainException(
                model, $"The answer to POST /v3/videos ({model}) named job {id} but then {cause}. The job exists and is billed, and it was not sent again (a second POST is a second paid job): {JobErrors.HowToResume(id)}", exception)
            {
                JobId = id,
                StatusUrl = received.StatusUrl,
            };
        }

        return new VideoSubmissionUncertainException(model, $"The answer to POST /v3/videos ({model}) was lost: {cause}. {MayExist}", exception);
    }
}
