using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>The <c>202</c> answer to a submission: the job id and where to poll it.</summary>
public sealed class VideoJob
{
    /// <summary>The job id (<c>gen_…</c>). Keep it: <see cref="OpperVideoClient.WaitForCompletionAsync"/> resumes a job by id from any process.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The absolute URL of the job's status resource.</summary>
    [JsonPropertyName("status_url")]
    public string? StatusUrl { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"VideoJob {Id}";
}
