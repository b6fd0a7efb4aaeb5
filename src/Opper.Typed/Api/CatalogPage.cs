namespace Opper.Typed;

/// <summary>
/// One page of <c>GET /v3/videos/models</c> as the JSON text the server sent, unknown fields and their order kept: a
/// protocol-level call (as openai-dotnet's protocol methods are) for a caller that keeps the JSON verbatim, the CLI's
/// catalog snapshots. It goes through the client's API chain, so it gets the same retries, timeouts, same-origin
/// redirects and key handling as every other call, and the same errors.
/// </summary>
internal static class CatalogPage
{
    /// <exception cref="OpperApiException">Opper answered with an error (the key scrubbed from its text).</exception>
    public static async Task<string> ReadAsync(HttpClient api, Uri uri, string apiKey, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? body : throw ApiErrorMapper.Map(response.StatusCode, body, response.Headers, secret: apiKey);
    }
}
