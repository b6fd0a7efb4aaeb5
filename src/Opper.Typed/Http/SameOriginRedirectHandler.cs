using System.Net;

namespace Opper.Typed;

/// <summary>
/// Follows a redirect on the API calls only when it stays on the origin the request went to (the API's, the one the key
/// and the job's status are trusted from), sending the key again on each hop. A redirect to another origin is returned
/// to the caller unfollowed, which reports it with its <c>Location</c>: following it would believe another host's word
/// about a paid job (a "processing" there could hold a wait until its timeout). The socket handler below must not
/// follow redirects itself.
/// </summary>
internal sealed class SameOriginRedirectHandler : DelegatingHandler
{
    /// <summary>As many hops as HttpClient follows by default would be 50; an API that needs more than this is misconfigured.</summary>
    private const int MaxHops = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hops = 0; hops < MaxHops && Target(request, response) is { } target; hops++)
        {
            response.Dispose();
            request.RequestUri = target;
            if ((int)response.StatusCode is 301 or 302 or 303 && request.Method != HttpMethod.Head)
            {
                // As HttpClient does: these turn the request into a GET without a body.
                request.Method = HttpMethod.Get;
                request.Content = null;
            }

            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Where to follow <paramref name="response"/>, or null to hand it to the caller as it is.</summary>
    private static Uri? Target(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || request.RequestUri is not { IsAbsoluteUri: true } from)
        {
            return null;
        }

        // A 301-303 would re-send a POST as a GET: a submission is never turned into something else.
        if ((int)response.StatusCode is 301 or 302 or 303 && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        return Uri.Compare(target, from, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0 ? target : null;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}
