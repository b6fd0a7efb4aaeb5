using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>One model of the video catalog. Fields the API adds later are kept in <see cref="AdditionalProperties"/>.</summary>
public sealed class VideoModelInfo
{
    /// <summary>The id to send as <c>model</c>, e.g. <c>vertexai/veo-3.1-fast-generate-001</c>.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The catalog type; <c>video</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>The provider key, e.g. <c>openai</c>, <c>vertexai</c>, <c>xai</c>, <c>pruna</c>.</summary>
    [JsonPropertyName("provider")] public string? Provider { get; init; }

    /// <summary>The provider's display name.</summary>
    [JsonPropertyName("provider_display_name")] public string? ProviderDisplayName { get; init; }

    /// <summary>The model's display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>The provider's own id of the model.</summary>
    [JsonPropertyName("model_id")] public string? ModelId { get; init; }

    /// <summary>A description of the model.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary><c>video_generation</c> (text-to-video), <c>image_to_video</c> (takes <c>image</c>), <c>video_editing</c> (takes <c>video</c>).</summary>
    [JsonPropertyName("capabilities")] public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Relative speed rating.</summary>
    [JsonPropertyName("speed")][JsonConverter(typeof(TextOrJsonConverter))] public string? Speed { get; init; }

    /// <summary>Relative quality rating.</summary>
    [JsonPropertyName("quality")][JsonConverter(typeof(TextOrJsonConverter))] public string? Quality { get; init; }

    /// <summary>Relative cost rating.</summary>
    [JsonPropertyName("cost")][JsonConverter(typeof(TextOrJsonConverter))] public string? Cost { get; init; }

    /// <summary>Context window (0 for video models).</summary>
    [JsonPropertyName("context_window")] public long? ContextWindow { get; init; }

    /// <summary>Other ids that name this model.</summary>
    [JsonPropertyName("aliases")] public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>The API type of the model.</summary>
    [JsonPropertyName("api_type")] public string? ApiType { get; init; }

    /// <summary>Where the provider is based.</summary>
    [JsonPropertyName("country")] public string? Country { get; init; }

    /// <summary>The serving region, for ids of the form <c>provider:region/model</c>.</summary>
    [JsonPropertyName("region")] public string? Region { get; init; }

    /// <summary>Whether Opper features the model.</summary>
    [JsonPropertyName("featured")] public bool? Featured { get; init; }

    /// <summary>When the model was retired, if it was.</summary>
    [JsonPropertyName("retired_at")] public string? RetiredAt { get; init; }

    /// <summary>The id of the model that replaces a retired one.</summary>
    [JsonPropertyName("successor")] public string? Successor { get; init; }

    /// <summary>Prices, when published.</summary>
    [JsonPropertyName("pricing")] public VideoModelPricing? Pricing { get; init; }

    /// <summary>Parameter ranges by modality; <c>params.video</c> for video models.</summary>
    [JsonPropertyName("params")] public VideoModelParams? Params { get; init; }

    /// <summary>Fields this SDK does not know yet, kept as JSON.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Whether the model takes a reference <c>image</c>.</summary>
    [JsonIgnore] public bool SupportsImageInput => Capabilities.Contains("image_to_video");

    /// <summary>Whether the model takes a source <c>video</c>.</summary>
    [JsonIgnore] public bool SupportsVideoInput => Capabilities.Contains("video_editing");

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>The <c>params</c> object of a catalog model.</summary>
public sealed class VideoModelParams
{
    /// <summary>Video parameter ranges.</summary>
    [JsonPropertyName("video")] public VideoParameterRanges? Video { get; init; }

    /// <summary>Other modalities, kept as JSON.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The <c>params.video</c> object: what values a model accepts, in the catalog's own terms.</summary>
public sealed class VideoParameterRanges
{
    /// <summary>Accepted aspect ratios, e.g. <c>16:9</c>.</summary>
    [JsonPropertyName("aspect_ratios")] public IReadOnlyList<string>? AspectRatios { get; init; }

    /// <summary>Accepted resolutions, e.g. <c>720p</c>.</summary>
    [JsonPropertyName("resolutions")] public IReadOnlyList<string>? Resolutions { get; init; }

    /// <summary>Longest clip in seconds.</summary>
    [JsonPropertyName("max_duration")] public double? MaxDuration { get; init; }

    /// <summary>Highest frame rate.</summary>
    [JsonPropertyName("max_fps")] public double? MaxFps { get; init; }

    /// <summary>Most frames.</summary>
    [JsonPropertyName("max_frames")] public long? MaxFrames { get; init; }

    /// <summary>Speed modes, where the model has them.</summary>
    [JsonPropertyName("speed_modes")] public IReadOnlyList<string>? SpeedModes { get; init; }

    /// <summary>Whether a seed is accepted.</summary>
    [JsonPropertyName("supports_seed")] public bool? SupportsSeed { get; init; }

    /// <summary>Fields this SDK does not know yet, kept as JSON.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A catalog model's published prices in USD.</summary>
public sealed class VideoModelPricing
{
    /// <summary>Price per second of output.</summary>
    [JsonPropertyName("price_per_second")] public decimal? PricePerSecond { get; init; }

    /// <summary>Price per generation.</summary>
    [JsonPropertyName("price_per_generation")] public decimal? PricePerGeneration { get; init; }

    /// <summary>Other price fields, kept as JSON.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
