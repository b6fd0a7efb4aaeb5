namespace Opper.Typed;

/// <summary>
/// Bounds one attempt of an API call by <see cref="OpperVideoClientOptions.RequestTimeout"/>, and buffers the answer's
/// body (with any timeout, infinite too), so the caller parses it from memory and can read it again for an error
/// message. It sits inside the retry handler, so every retry gets a fresh timeout: a single hung poll is retried
/// instead of ending the wait, and a long <c>Retry-After</c> is not counted against the attempt that follows it. The
/// timeout is wall-clock time on purpose: it is about the network, not the job clock a test may fake.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt?.CancelAfter(timeout);
        var token = attempt?.Token ?? cancellationToken;
        try
        {
            // The body is read inside the attempt too: a server that sends headers and then stalls is a hung attempt.
            var response = await base.SendAsync(request, token).ConfigureAwait(false);
            try
            {
#if NET9_0_OR_GREATER
                await response.Content.LoadIntoBufferAsync(token).ConfigureAwait(false);
#else
                // net8.0 has no cancellable overload: disposing the response is what stops a stalled read there.
                using (token.Register(response.Dispose))
                {
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                }
#endif
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException && attempt is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            // An HttpRequestException is what the retry strategy treats as transient, and what callers of HttpClient expect.
            throw new HttpRequestException(
                $"No answer from {request.RequestUri?.GetLeftPart(UriPartial.Path)} within OpperVideoClientOptions.RequestTimeout ({timeout}).",
                new TimeoutException($"The attempt took longer than {timeout}.", exception));
        }
    }
}
