using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Tests.Faults;

/// <summary>
/// A small server of its own, not the emulator, so the client is not only tested against its twin: the API on one
/// loopback port, the "presigned" download host on another, each answering from a script the test writes. It records
/// every request with its headers, and never needs a real key.
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly WebApplication _api;
    private readonly WebApplication _downloads;

    private FaultServer(WebApplication api, WebApplication downloads)
    {
        _api = api;
        _downloads = downloads;
    }

    public Uri ApiAddress => new(_api.Urls.First());

    public Uri DownloadAddress => new(_downloads.Urls.First());

    /// <summary>(host, method, path, Authorization header, Range header) of every request, in order.</summary>
    public ConcurrentQueue<(string Host, string Method, string Path, string? Authorization, string? Range)> Requests { get; } = new();

    /// <summary>How the API answers: by method and path, the test's own handler.</summary>
    public Func<HttpContext, Task> Api { get; set; } = context => { context.Response.StatusCode = 404; return Task.CompletedTask; };

    /// <summary>How the download host answers, the n-th download request (1-based) given.</summary>
    public Func<HttpContext, int, Task> Download { get; set; } = (context, _) => { context.Response.StatusCode = 404; return Task.CompletedTask; };

    public static async Task<FaultServer> StartAsync()
    {
        FaultServer? server = null;
        var downloads = 0;
        var api = Build(context =>
        {
            server!.Record("api", context);
            return server.Api(context);
        });
        var download = Build(context =>
        {
            server!.Record("download", context);
            return server.Download(context, Interlocked.Increment(ref downloads));
        });
        server = new FaultServer(api, download);
        await api.StartAsync();
        await download.StartAsync();
        return server;
    }

    /// <summary>A completed job whose clip is at the download host's <c>/clip.mp4</c>.</summary>
    public string CompletedStatus(string id) =>
        $$"""{"id":"{{id}}","status":"completed","url":"{{new Uri(DownloadAddress, "/clip.mp4")}}","mime_type":"video/mp4"}""";

    private static WebApplication Build(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(handler);
        return app;
    }

    private void Record(string host, HttpContext context) =>
        Requests.Enqueue((host, context.Request.Method, context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.Range.FirstOrDefault()));

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _downloads.DisposeAsync();
    }
}
