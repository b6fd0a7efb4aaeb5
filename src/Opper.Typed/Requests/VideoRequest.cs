using System.Text.Json.Nodes;

namespace Opper.Typed;

/// <summary>
/// An untyped request for any model id, including ones newer than this SDK's catalog snapshot.
/// Prefer the generated typed class of a model where there is one: it cannot send a wrong key or JSON type.
/// </summary>
/// <example>
/// <code>
/// var request = new VideoRequest("xai/grok-imagine-video", "a cat")
/// {
///     Image = "https://example.com/cat.jpg",
///     Parameters = { ["duration"] = 6, ["aspect_ratio"] = "16:9" },
/// };
/// </code>
/// </example>
public sealed class VideoRequest : IVideoRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="model">The model id, e.g. <c>vertexai/veo-3.1-fast-generate-001</c>.</param>
    /// <param name="prompt">What the clip shows.</param>
    /// <exception cref="ArgumentException">The model id or prompt is empty.</exception>
    public VideoRequest(string model, string prompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        Model = model;
        Prompt = prompt;
    }

    /// <inheritdoc />
    public string Model { get; }

    /// <summary>What the clip shows.</summary>
    public string Prompt { get; }

    /// <summary>Reference image (image-to-video models only).</summary>
    public MediaInput? Image { get; init; }

    /// <summary>Source video (video-editing models only).</summary>
    public MediaInput? Video { get; init; }

    /// <summary>Additional reference images, where the model takes them.</summary>
    public IList<MediaInput> ReferenceImages { get; } = new List<MediaInput>();

    /// <summary>
    /// Provider parameters, forwarded verbatim: the JSON type matters (Veo wants <c>["durationSeconds"] = 4</c>, a
    /// number, and <c>["resolution"] = "720p"</c>, a string). Never null.
    /// </summary>
    public Dictionary<string, JsonNode?> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether Opper stores the result as a file; not sent when null.</summary>
    public bool? Store { get; init; }

    /// <inheritdoc />
    public VideoWireRequest ToWireRequest()
    {
        var parameters = new Dictionary<string, JsonNode?>(Parameters.Count, StringComparer.Ordinal);
        foreach (var (key, value) in Parameters)
        {
            // The wire body owns its own nodes, so later edits of this request do not change a request in flight.
            parameters[key] = value?.DeepClone();
        }

        return new VideoWireRequest(Model, Prompt)
        {
            Image = Image?.Value,
            Video = Video?.Value,
            ReferenceImages = ReferenceImages.Count == 0 ? null : ReferenceImages.Select(image => image.Value).ToArray(),
            Parameters = parameters,
            Store = Store,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"VideoRequest {Model}";
}
