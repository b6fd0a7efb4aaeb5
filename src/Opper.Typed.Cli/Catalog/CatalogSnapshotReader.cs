using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Opper.Typed.Cli.Catalog;

/// <summary>
/// Reads the whole catalog, every page of <c>GET /v3/videos/models</c>, as the JSON the server sent (unknown fields kept
/// in order): what <c>schema/videos-models.json</c> holds. A CLI concern, so it lives here rather than on the client.
/// </summary>
internal static class CatalogSnapshotReader
{
    private const int PageSize = 100;

    public static async Task<JsonObject> ReadAsync(Uri baseAddress, string apiKey, CancellationToken cancellationToken)
    {
        // GETs only, so retrying transient failures (5xx, 429 with its Retry-After, network errors) is safe.
        var retries = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 3, BackoffType = DelayBackoffType.Exponential, UseJitter = true, ShouldRetryAfterHeader = true })
            .Build();
        using var http = new HttpClient(new ResilienceHandler(retries) { InnerHandler = new SocketsHttpHandler() });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        var models = new JsonArray();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await ReadPageAsync(http, new Uri(root, $"v3/videos/models?limit={PageSize}&offset={offset}"), cancellationToken);
            var pageModels = page["models"] as JsonArray ?? [];
            var received = pageModels.Count;
            foreach (var model in pageModels.ToArray())
            {
                pageModels.Remove(model);
                models.Add(model);
            }

            var total = page["total"]?.GetValue<int>() ?? 0;
            // Stop at the end of the list, or at an empty page (a server that under-reports total must not loop forever).
            if (received == 0 || models.Count >= total)
            {
                // The models as served, and nothing of the paging that fetched them (total, offset, limit differ by page size).
                return new JsonObject { ["models"] = models };
            }
        }
    }

    private static async Task<JsonObject> ReadPageAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var hint = response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? " Check OPPER_API_KEY." : "";
            throw new HttpRequestException($"GET {uri.AbsolutePath} answered {(int)response.StatusCode} {response.StatusCode}: {FirstLine(body)}.{hint}", null, response.StatusCode);
        }

        return JsonNode.Parse(body) as JsonObject
            ?? throw new System.Text.Json.JsonException($"GET {uri.AbsolutePath} answered with JSON that is not an object: {FirstLine(body)}");
    }

    private static string FirstLine(string body)
    {
        var line = body.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        var text = (newline >= 0 ? line[..newline] : line).ToString();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
