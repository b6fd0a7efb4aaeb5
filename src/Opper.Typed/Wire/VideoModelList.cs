using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>One page of <c>GET /v3/videos/models</c>: <c>{"models":[…],"total","offset","limit"}</c>.</summary>
public sealed class VideoModelList
{
    /// <summary>The models of this page.</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<VideoModelInfo> Models { get; init; } = [];

    /// <summary>How many models match in all pages.</summary>
    [JsonPropertyName("total")]
    public int Total { get; init; }

    /// <summary>Index of this page's first model.</summary>
    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    /// <summary>The page size asked for.</summary>
    [JsonPropertyName("limit")]
    public int Limit { get; init; }

    /// <summary>Reads a page or a whole snapshot (<c>schema/videos-models.json</c>); unknown fields are kept per model.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The list.</returns>
    /// <exception cref="JsonException">The text is not a JSON object of that shape.</exception>
    public static VideoModelList Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, OpperJsonContext.Default.VideoModelList)
            ?? throw new JsonException("A model list must be a JSON object {\"models\":[…]}; got null.");
    }
}
