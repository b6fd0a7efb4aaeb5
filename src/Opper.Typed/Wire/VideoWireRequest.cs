using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>
/// The JSON body of <c>POST /v3/videos</c>, exactly as sent. Built by <see cref="IVideoRequest.ToWireRequest"/>;
/// <see cref="Parameters"/> is forwarded verbatim to the provider, so each value keeps its own JSON type.
/// </summary>
public sealed class VideoWireRequest
{
    private Dictionary<string, JsonNode?>? _parameters;

    /// <summary>Creates a wire request.</summary>
    /// <param name="model">The model id, e.g. <c>vertexai/veo-3.1-fast-generate-001</c>.</param>
    /// <param name="prompt">The text prompt.</param>
    public VideoWireRequest(string model, string prompt)
    {
        Model = model;
        Prompt = prompt;
    }

    /// <summary>The model id (<c>model</c>).</summary>
    [JsonPropertyName("model")]
    public string Model { get; }

    /// <summary>The text prompt (<c>prompt</c>).</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; }

    /// <summary>Reference image for image-to-video: an http(s) URL, a data-URI or a <c>gs://</c> URI.</summary>
    [JsonPropertyName("image")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Image { get; init; }

    /// <summary>Source video for video-to-video: an http(s) URL, a data-URI or a <c>gs://</c> URI.</summary>
    [JsonPropertyName("video")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Video { get; init; }

    /// <summary>Additional reference images, where the model takes them.</summary>
    [JsonPropertyName("reference_images")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ReferenceImages { get; init; }

    /// <summary>Provider parameters, forwarded verbatim. Always sent (empty object when none).</summary>
    [JsonPropertyName("parameters")]
    public Dictionary<string, JsonNode?> Parameters
    {
        // Made on first use: every request type sets its own, and an initializer would make one per request to throw away.
        get => _parameters ??= new(StringComparer.Ordinal);
        init => _parameters = value;
    }

    /// <summary>The same request with each media value (image, video, reference images) passed through <paramref name="map"/>.</summary>
    internal VideoWireRequest WithMedia(Func<string, string> map) => new(Model, Prompt)
    {
        Image = Image is null ? null : map(Image),
        Video = Video is null ? null : map(Video),
        ReferenceImages = ReferenceImages?.Select(map).ToArray(),
        Parameters = Parameters,
        Store = Store,
    };

    /// <summary>Whether the request carries any media at all: the cheap test that keeps requests without media off the upload path.</summary>
    internal bool HasMedia => Image is not null || Video is not null || ReferenceImages is { Count: > 0 };

    /// <summary>Whether Opper keeps the result as a stored file (<c>store</c>); not sent when null.</summary>
    [JsonPropertyName("store")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Store { get; init; }
}
