using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>
/// A file stored at Opper (<c>POST /v3/files</c>, <c>GET /v3/files</c>): an upload or a finished job's stored output.
/// Pass its <see cref="Id"/> as a media input with <see cref="MediaInput.FromFileId"/>; every provider accepts it.
/// </summary>
public sealed class OpperFile
{
    /// <summary>The file id, <c>file_…</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The size in bytes.</summary>
    [JsonPropertyName("bytes")]
    public long Bytes { get; init; }

    /// <summary>The media type Opper detected from the bytes, e.g. <c>image/png</c>.</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    /// <summary>The file name given at upload (advisory only).</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>What the file is for, e.g. <c>reference_media</c>; it decides which media types are accepted.</summary>
    [JsonPropertyName("purpose")]
    public string? Purpose { get; init; }

    /// <summary>The file's state as Opper reports it, e.g. <c>processed</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>When the file was stored; null when the server did not say.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When Opper deletes the file (its time to live, capped by the project's retention); null when it did not say.</summary>
    [JsonPropertyName("expires_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"OpperFile {Id} ({Filename}, {Bytes} bytes, {MimeType})";
}
