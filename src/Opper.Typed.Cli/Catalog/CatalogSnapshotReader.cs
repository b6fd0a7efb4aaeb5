using System.Text.Json.Nodes;

namespace Opper.Typed.Cli.Catalog;

/// <summary>
/// Reads the whole catalog, every page of <c>GET /v3/videos/models</c>, as the JSON the server sent (unknown fields kept
/// in order): what <c>schema/videos-models.json</c> holds. The pages come through the client's own API chain (its
/// retries, timeouts and key handling); joining them into a snapshot is the CLI's concern, so that lives here.
/// </summary>
internal static class CatalogSnapshotReader
{
    private const int PageSize = 100;

    public static async Task<JsonObject> ReadAsync(OpperVideoClient client, CancellationToken cancellationToken)
    {
        var models = new JsonArray();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = Parse(await client.ReadModelsPageJsonAsync(PageSize, offset, cancellationToken));
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

    private static JsonObject Parse(string body) =>
        JsonNode.Parse(body) as JsonObject
            ?? throw new System.Text.Json.JsonException($"GET /v3/videos/models answered with JSON that is not an object: {FirstLine(body)}");

    private static string FirstLine(string body)
    {
        var line = body.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        var text = (newline >= 0 ? line[..newline] : line).ToString();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
