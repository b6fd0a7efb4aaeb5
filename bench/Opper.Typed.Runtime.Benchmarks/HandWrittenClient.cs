using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// The baseline: what a careful user writes without the SDK, HttpClient plus source-generated System.Text.Json, sending
/// the same body as <c>Veo31FastGenerate001Request</c> and reading the same answers. No validation, retries, logging or metrics.
/// </summary>
internal sealed class HandWrittenClient(HttpClient http)
{
    public static HandWrittenClient Create(Uri address, string apiKey)
    {
        var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new HandWrittenClient(http);
    }

    public async Task<HandStatus> SubmitAndPollAsync(string prompt)
    {
        var body = new HandRequest("vertexai/veo-3.1-fast-generate-001", prompt, new HandParameters(4, "720p"));
        using var submitted = await http.PostAsJsonAsync("v3/videos", body, HandJson.Default.HandRequest);
        submitted.EnsureSuccessStatusCode();
        var job = (await submitted.Content.ReadFromJsonAsync(HandJson.Default.HandJob))!;
        using var polled = await http.GetAsync($"v3/artifacts/{job.Id}/status");
        polled.EnsureSuccessStatusCode();
        return (await polled.Content.ReadFromJsonAsync(HandJson.Default.HandStatus))!;
    }

    /// <summary>The raw download: the same FileStream settings the SDK uses, no checks; <paramref name="path"/> must not exist.</summary>
    public async Task DownloadAsync(Uri url, string path)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        // CreateNew, as the SDK opens its partial file: FileMode.Create truncates the file it opens, and on ext4 a file
        // truncated and then written is flushed to disk when closed (auto_da_alloc), inside the raw copy's timed run.
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        await body.CopyToAsync(file);
    }
}

internal sealed record HandRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("parameters")] HandParameters Parameters);

internal sealed record HandParameters(
    [property: JsonPropertyName("durationSeconds")] int DurationSeconds,
    [property: JsonPropertyName("resolution")] string Resolution);

internal sealed record HandJob([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("status_url")] string? StatusUrl);

public sealed record HandStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("url")] string? Url);

[JsonSerializable(typeof(HandRequest))]
[JsonSerializable(typeof(HandJob))]
[JsonSerializable(typeof(HandStatus))]
internal sealed partial class HandJson : JsonSerializerContext;
