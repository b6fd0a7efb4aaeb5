using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>
/// <c>GET /v3/files/{id}/content</c>: where a file's bytes are, <c>{ bytes, mime_type, url }</c>. The URL is presigned on
/// another host (valid about an hour) and gets no Authorization header.
/// </summary>
internal sealed class FileContent
{
    [JsonPropertyName("bytes")]
    public long? Bytes { get; init; }

    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
