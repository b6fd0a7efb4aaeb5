using System.Net.Http.Headers;

namespace Opper.Typed;

/// <summary>
/// Adds <c>Authorization: Bearer</c>. It sits only in the API client's pipeline, never in the download client's,
/// so the key cannot leak to the presigned storage host.
/// </summary>
internal sealed class BearerTokenHandler(string apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
