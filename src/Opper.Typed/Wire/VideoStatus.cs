using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>One poll of <c>GET /v3/artifacts/{id}/status</c>.</summary>
public sealed class VideoStatus
{
    /// <summary>The job id. Filled from the polled id when the server omits it.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The raw status string (<c>processing</c>, <c>completed</c>, <c>failed</c>, or anything a gateway adds).</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>The state derived from <see cref="Status"/>; an unknown string is <see cref="VideoJobState.Processing"/>.</summary>
    [JsonIgnore]
    public VideoJobState State => Status.Trim().ToUpperInvariant() switch
    {
        "COMPLETED" => VideoJobState.Completed,
        "FAILED" => VideoJobState.Failed,
        _ => VideoJobState.Processing,
    };

    /// <summary>The presigned download URL of a completed job (valid about one hour; another host, no auth header).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The clip's media type, e.g. <c>video/mp4</c>.</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    /// <summary>The provider's error of a failed job, as text (an object-valued error is kept as its JSON).</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(TextOrJsonConverter))]
    public string? Error { get; init; }

    /// <summary>The id of the stored file, when the job stored one.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>The provider that ran the job.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>The model that ran the job.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The <c>Retry-After</c> of the answer: when the server asks to be polled again; null when it did not say.</summary>
    [JsonIgnore]
    internal TimeSpan? PollAfter { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"VideoStatus {Id}: {Status}";
}
