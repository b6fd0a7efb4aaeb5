using System.Net.Http.Headers;

namespace Opper.Typed;

/// <summary>
/// Adds <c>Authorization: Bearer</c>. It sits only in the API client's pipeline, never in the download client's,
/// so the key cannot leak to the presigned storage host.
/// </summary>
internal sealed class BearerTokenHandler(string apiKey) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A retry re-sends this same message through the handlers above; the factory's logging handler there logs
            // header values in its structured state, so the key must not still be on the message when it passes again.
            request.Headers.Authorization = null;
        }
    }
}
