using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>The v3 error envelope <c>{"error":{"code","message","details"}}</c>.</summary>
public sealed class ApiErrorEnvelope
{
    /// <summary>The error.</summary>
    [JsonPropertyName("error")]
    public ApiError? Error { get; init; }
}

/// <summary>The body of a v3 error.</summary>
public sealed class ApiError
{
    /// <summary>A machine-readable code, e.g. <c>invalid_request</c>.</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(TextOrJsonConverter))]
    public string? Code { get; init; }

    /// <summary>A human-readable message.</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(TextOrJsonConverter))]
    public string? Message { get; init; }

    /// <summary>Extra structured detail, whatever its JSON shape.</summary>
    [JsonPropertyName("details")]
    public JsonElement? Details { get; init; }
}
