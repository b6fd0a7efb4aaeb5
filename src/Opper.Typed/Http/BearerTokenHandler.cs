using System.Net.Http.Headers;

namespace Opper.Typed;

/// <summary>
/// Adds <c>Authorization: Bearer</c>. It sits only in the API client's pipeline, never in the download client's,
/// so the key cannot leak to the presigned storage host. It takes the header off again in
/// <see cref="AttemptTimeoutHandler"/>, which wraps each attempt (see there why).
/// </summary>
internal sealed class BearerTokenHandler(string apiKey) : DelegatingHandler
{
    // One value for every request: the header is only read when the request is written.
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", apiKey);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        return base.SendAsync(request, cancellationToken);
    }
}
