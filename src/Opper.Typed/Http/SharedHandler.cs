namespace Opper.Typed;

/// <summary>
/// Sends through a handler it does not own, so two handler chains can share one connection pool: the submission chain
/// (no retries, because a second POST is a second paid job) and the polling chain (retries) reach the API over the same
/// connections. Disposing this handler leaves the shared one open; its owner disposes it.
/// </summary>
internal sealed class SharedHandler(HttpMessageHandler shared) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker = new(shared, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);
}
