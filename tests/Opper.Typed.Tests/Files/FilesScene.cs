using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Opper.Typed.Tests.Faults;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Files;

/// <summary>
/// A Files API of its own on the fault server (not the emulator): it stores what is uploaded, lists it in pages, hands
/// out presigned URLs on the download host, and records every upload as received. Tests change single routes.
/// </summary>
internal sealed class FilesScene : IAsyncDisposable
{
    public const string Key = "op-files-test-key-never-leaves-the-api-host";
    private int _nextId;

    private FilesScene(FaultServer server, string folder)
    {
        Server = server;
        Folder = folder;
        Client = new OpperVideoClient(EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = server.ApiAddress }));
    }

    public FaultServer Server { get; }

    public string Folder { get; }

    public OpperVideoClient Client { get; }

    /// <summary>Stored bytes by file id.</summary>
    public ConcurrentDictionary<string, byte[]> Stored { get; } = new();

    /// <summary>Every upload as the server parsed it.</summary>
    public ConcurrentQueue<ReceivedUpload> Uploads { get; } = new();

    /// <summary>Every <c>POST /v3/videos</c> body.</summary>
    public ConcurrentQueue<JsonDocument> Submissions { get; } = new();

    /// <summary>Answers <c>GET /v3/artifacts/{id}/status</c>; null: 404.</summary>
    public Func<HttpContext, Task>? Status { get; set; }

    /// <summary>The URL the n-th content call (1-based) of a file hands out, relative to the download host.</summary>
    public Func<string, int, string> ContentPath { get; set; } = (id, _) => $"/stored/{id}";

    public int ContentCalls => _contentCalls;

    private int _contentCalls;

    public static async Task<FilesScene> StartAsync()
    {
        var server = await FaultServer.StartAsync();
        var scene = new FilesScene(server, Directory.CreateTempSubdirectory("opper-typed-files-").FullName);
        server.Api = scene.ApiAsync;
        server.Download = (context, _) => scene.DownloadAsync(context);
        return scene;
    }

    public string NewId() => $"file_{Interlocked.Increment(ref _nextId):D4}";

    public static string FileJson(string id, long bytes, string filename = "f.png", string mime = "image/png") =>
        $$"""{"id":"{{id}}","object":"file","bytes":{{bytes}},"created_at":1767225600,"expires_at":"2099-01-02T00:00:00Z","filename":"{{filename}}","mime_type":"{{mime}}","purpose":"reference_media","status":"processed"}""";

    public static Task JsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task ApiAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        switch (context.Request.Method, path)
        {
            case ("POST", "/v3/files"):
                var form = await context.Request.ReadFormAsync();
                var file = form.Files["file"]!;
                using (var bytes = new MemoryStream())
                {
                    await file.CopyToAsync(bytes);
                    var id = NewId();
                    Stored[id] = bytes.ToArray();
                    Uploads.Enqueue(new ReceivedUpload(bytes.ToArray(), file.FileName, file.ContentType, form["filename"].ToString(), form["purpose"].ToString(), form.TryGetValue("ttl_seconds", out var ttl) ? ttl.ToString() : null, context.Request.ContentLength));
                    await JsonAsync(context, 200, FileJson(id, bytes.Length, file.FileName));
                }

                return;
            case ("GET", "/v3/files"):
                var limit = int.Parse(context.Request.Query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
                var offset = int.Parse(context.Request.Query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
                var page = Stored.Keys.Order(StringComparer.Ordinal).Skip(offset).Take(Math.Min(limit, 100)).Select(k => FileJson(k, Stored[k].Length));
                var meta = $$"""{"limit":{{limit}},"offset":{{offset}},"total":{{Stored.Count}}}""";
                await JsonAsync(context, 200, $$"""{"data":[{{string.Join(",", page)}}],"meta":{{meta}} }""");
                return;
            case ("POST", "/v3/videos"):
                Submissions.Enqueue(await JsonDocument.ParseAsync(context.Request.Body));
                await JsonAsync(context, 202, """{"id":"gen_1","status":"processing"}""");
                return;
        }

        if (path.StartsWith("/v3/files/", StringComparison.Ordinal))
        {
            var id = path["/v3/files/".Length..].Split('/')[0];
            if (!Stored.TryGetValue(id, out var stored))
            {
                await JsonAsync(context, 404, """{"error":{"code":"not_found","message":"no such file"}}""");
            }
            else if (context.Request.Method == "DELETE")
            {
                Stored.TryRemove(id, out _);
                context.Response.StatusCode = 204;
            }
            else
            {
                var url = new Uri(Server.DownloadAddress, ContentPath(id, Interlocked.Increment(ref _contentCalls)));
                await JsonAsync(context, 200, $$"""{"bytes":{{stored.Length}},"mime_type":"video/mp4","url":"{{url}}"}""");
            }

            return;
        }

        if (Status is not null && path.StartsWith("/v3/artifacts/", StringComparison.Ordinal))
        {
            await Status(context);
            return;
        }

        context.Response.StatusCode = 404;
    }

    /// <summary>Serves <c>/stored/{id}</c> from the stored bytes; anything with <c>expired</c> in its query is refused as S3 refuses it.</summary>
    private async Task DownloadAsync(HttpContext context)
    {
        if (context.Request.QueryString.Value?.Contains("expired", StringComparison.Ordinal) == true
            || !context.Request.Path.StartsWithSegments("/stored", out var rest)
            || !Stored.TryGetValue(rest.Value!.Trim('/'), out var bytes))
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }
}

/// <summary>One upload as the server parsed its multipart body; <paramref name="RequestLength"/> is null for a chunked request.</summary>
internal sealed record ReceivedUpload(byte[] Bytes, string PartFileName, string PartContentType, string Filename, string Purpose, string? TtlSeconds, long? RequestLength);
