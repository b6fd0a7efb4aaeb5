namespace Opper.Typed;

/// <summary>
/// Bounds one attempt of an API call by <see cref="OpperVideoClientOptions.RequestTimeout"/>, and buffers the answer's
/// body (with any timeout, infinite too), so the caller parses it from memory and can read it again for an error
/// message. It sits inside the retry handler, so every retry gets a fresh timeout: a single hung poll is retried
/// instead of ending the wait, and a long <c>Retry-After</c> is not counted against the attempt that follows it. The
/// timeout is wall-clock time on purpose: it is about the network, not the job clock a test may fake.
/// </summary>
/// <param name="timeout">The time an attempt may take, its body included.</param>
/// <param name="keepCutBody">
/// Keep the bytes of a body that breaks off (in <see cref="AnswerCutOffException.Received"/>): a cut 202 may still name
/// its paid job. Without it the content buffers itself from pooled memory, which costs a poll less.
/// </param>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout, bool keepCutBody) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt?.CancelAfter(timeout);
        var token = attempt?.Token ?? cancellationToken;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, token).ConfigureAwait(false);
        }
        catch (Exception exception) when (TimedOut(exception, attempt, cancellationToken))
        {
            throw NoAnswer(request, exception);
        }

        // The body is read inside the attempt too: a server that sends headers and then stalls is a hung attempt.
        if (!keepCutBody)
        {
            try
            {
#if NET9_0_OR_GREATER
                await response.Content.LoadIntoBufferAsync(token).ConfigureAwait(false);
#else
                // No cancellable overload before .NET 9: a timed-out load ends when the response is disposed below.
                await response.Content.LoadIntoBufferAsync().WaitAsync(token).ConfigureAwait(false);
#endif
                return response;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                response.Dispose();
                throw new AnswerCutOffException(response.StatusCode, [], TimedOut(exception, attempt, cancellationToken) ? NoAnswer(request, exception) : exception);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        var received = new MemoryStream();
        try
        {
            var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await body.CopyToAsync(received, token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw new AnswerCutOffException(response.StatusCode, received.ToArray(), TimedOut(exception, attempt, cancellationToken) ? NoAnswer(request, exception) : exception);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        response.Content = Buffered(response.Content, received);
        return response;
    }

    private static bool TimedOut(Exception exception, CancellationTokenSource? attempt, CancellationToken cancellationToken) =>
        exception is OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException
        && attempt is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested;

    // An HttpRequestException is what the retry strategy treats as transient, and what callers of HttpClient expect.
    private HttpRequestException NoAnswer(HttpRequestMessage request, Exception exception) =>
        new($"No answer from {request.RequestUri?.GetLeftPart(UriPartial.Path)} within OpperVideoClientOptions.RequestTimeout ({timeout}).",
            new TimeoutException($"The attempt took longer than {timeout}.", exception));

    /// <summary>The received bytes as the response's content, with the original content's headers (type, length, encoding).</summary>
    private static ByteArrayContent Buffered(HttpContent original, MemoryStream received)
    {
        var buffered = new ByteArrayContent(received.GetBuffer(), 0, (int)received.Length);
        // The raw values, as received: parsing them only to write them back cost every submission an iterator and arrays.
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            if (values.Count == 1)
            {
                buffered.Headers.TryAddWithoutValidation(name, values.ToString());
            }
            else
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }
        }

        original.Dispose();
        return buffered;
    }
}
