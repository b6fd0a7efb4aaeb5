using System.Net.Http.Headers;

namespace Opper.Typed;

/// <summary>
/// Adds <c>Authorization: Bearer</c> for one attempt and takes it off again. It sits only in the API clients'
/// pipelines, never in the download client's, so the key cannot leak to the presigned storage host.
/// </summary>
internal sealed class BearerTokenHandler(string apiKey) : DelegatingHandler
{
    // One value for every request: the header is only read when the request is written.
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", apiKey);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A retry re-sends this same message through the handlers above (ours, or one a user added to the named
            // client); the factory's logging handler there logs header values in its structured state, so the key
            // must not still be on the message when it passes again.
            request.Headers.Authorization = null;
        }
    }
}
