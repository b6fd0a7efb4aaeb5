namespace Opper.Typed;

/// <summary>
/// What the generated registry knows of one model: capabilities, accepted media, typed parameters. Generated from the
/// catalog snapshot and <c>video-parameters.json</c>; used by runtime validation and tooling.
/// </summary>
public sealed class VideoModelSpec
{
    /// <summary>The model id, e.g. <c>openai/sora-2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The provider key, e.g. <c>openai</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The generated request class, e.g. <c>Sora2Request</c>.</summary>
    public required string RequestTypeName { get; init; }

    /// <summary>The catalog capabilities: <c>video_generation</c>, <c>image_to_video</c>, <c>video_editing</c>.</summary>
    public required IReadOnlyList<string> Capabilities { get; init; }

    /// <summary>The media source kinds the provider accepts for <c>image</c> and <c>video</c>.</summary>
    public required IReadOnlyList<MediaSourceKind> AcceptedMedia { get; init; }

    /// <summary>Whether URLs must be publicly fetchable by the provider's servers (no loopback, private or <c>.local</c> hosts).</summary>
    public bool PublicUrlsOnly { get; init; }

    /// <summary>A WIDTHxHEIGHT parameter that a data-URI image's pixel size must equal (Sora's <c>size</c>), if any.</summary>
    public string? ImageSizeParameter { get; init; }

    /// <summary>Whether the provider has a dialect, so <see cref="Parameters"/> is the complete list of accepted keys.</summary>
    public bool HasTypedParameters { get; init; }

    /// <summary>The accepted parameters.</summary>
    public required IReadOnlyList<VideoParameterSpec> Parameters { get; init; }

    /// <summary>The longest clip in seconds, when the catalog says.</summary>
    public double? MaxDuration { get; init; }

    /// <summary>When the model was retired, if it was.</summary>
    public string? RetiredAt { get; init; }

    /// <summary>The model that replaces a retired one.</summary>
    public string? Successor { get; init; }

    /// <summary>Whether the model takes <c>image</c>.</summary>
    public bool TakesImage => Capabilities.Contains("image_to_video");

    /// <summary>Whether the model takes <c>video</c>.</summary>
    public bool TakesVideo => Capabilities.Contains("video_editing");

    /// <inheritdoc />
    public override string ToString() => Id;
}

#pragma warning disable CA1720 // The members name JSON types, not .NET ones.

/// <summary>The JSON type a parameter is sent as.</summary>
public enum VideoParameterType
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON number without a fraction.</summary>
    Integer,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,
}
#pragma warning restore CA1720

/// <summary>One accepted parameter of a model.</summary>
public sealed class VideoParameterSpec
{
    /// <summary>The wire name, e.g. <c>durationSeconds</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The JSON type it must be sent as.</summary>
    public required VideoParameterType Type { get; init; }

    /// <summary>The accepted values as JSON text (<c>"4"</c> with quotes for a string, <c>4</c> for a number); empty when any value of the type goes.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>The smallest accepted number, if bounded.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest accepted number, if bounded.</summary>
    public double? Maximum { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
