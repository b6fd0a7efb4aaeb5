using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Opper.Typed.Emulator;

namespace Opper.Typed.Tests.Emulator;

/// <summary>
/// An emulator and two plain HTTP clients, one for its API (with the key) and one for its download host (with no
/// header at all, as a presigned URL is fetched): the Files API is tested on the wire, not through a client library.
/// </summary>
internal sealed class FilesApi : IAsyncDisposable
{
    private FilesApi(OpperEmulator emulator)
    {
        Emulator = emulator;
        Api = new HttpClient { BaseAddress = emulator.BaseAddress };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
    }

    public OpperEmulator Emulator { get; }

    public HttpClient Api { get; }

    /// <summary>No base address and no default headers: a URL the API handed out is fetched as is.</summary>
    public HttpClient Anonymous { get; } = new();

    public static async Task<FilesApi> StartAsync(Action<OpperEmulatorOptions>? configure = null)
    {
        var options = new OpperEmulatorOptions { JobDuration = TimeSpan.Zero };
        configure?.Invoke(options);
        return new FilesApi(await OpperEmulator.StartAsync(options));
    }

    /// <summary>Uploads bytes as a form; <paramref name="partType"/> is the part's claimed type, which the emulator must ignore.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> UploadAsync(
        byte[] bytes, string? partFileName = "upload.bin", string? filename = null, string? purpose = null, string? ttlSeconds = null, string partType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(partType);
        if (partFileName is null)
        {
            form.Add(file, "file");
        }
        else
        {
            form.Add(file, "file", partFileName);
        }

        foreach (var (name, value) in new[] { ("filename", filename), ("purpose", purpose), ("ttl_seconds", ttlSeconds) })
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        using var response = await Api.PostAsync("v3/files", form);
        return await ReadAsync(response);
    }

    /// <summary>Uploads and insists it worked.</summary>
    public async Task<JsonObject> UploadOkAsync(byte[] bytes, string? ttlSeconds = null)
    {
        var (status, body) = await UploadAsync(bytes, ttlSeconds: ttlSeconds);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body.ToJsonString()}");
        return body.AsObject();
    }

    public async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        return await ReadAsync(response);
    }

    public async Task<(HttpStatusCode Status, JsonNode Body)> DeleteAsync(string path)
    {
        using var response = await Api.DeleteAsync(path);
        return await ReadAsync(response);
    }

    public async Task<(HttpStatusCode Status, JsonNode Body)> SubmitAsync(JsonObject request)
    {
        using var response = await Api.PostAsync("v3/videos", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        return await ReadAsync(response);
    }

    /// <summary>Submits a request that must be accepted and polls it to completion (the emulator runs with no job duration).</summary>
    public async Task<JsonObject> GenerateAsync(JsonObject request)
    {
        var (status, accepted) = await SubmitAsync(request);
        Assert.True(status == HttpStatusCode.Accepted, $"{status}: {accepted.ToJsonString()}");
        var (_, job) = await GetAsync($"v3/artifacts/{accepted["id"]}/status");
        Assert.Equal("completed", (string?)job["status"]);
        return job.AsObject();
    }

    /// <summary>The download URL of a file's content.</summary>
    public async Task<string> ContentUrlAsync(string fileId)
    {
        var (status, content) = await GetAsync($"v3/files/{fileId}/content");
        Assert.Equal(HttpStatusCode.OK, status);
        return (string)content["url"]!;
    }

    /// <summary>The code of a v3 error envelope.</summary>
    public static string? ErrorCode(JsonNode body) => (string?)body["error"]?["code"];

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        await Emulator.DisposeAsync();
    }

    private static async Task<(HttpStatusCode, JsonNode)> ReadAsync(HttpResponseMessage response) =>
        (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject());
}
