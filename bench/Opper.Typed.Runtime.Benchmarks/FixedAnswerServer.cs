using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// A loopback Kestrel server that answers the client's calls with fixed bytes and does nothing else, so a benchmark
/// measures the client, not a server: POST /v3/videos → 202, GET the status → 200 processing (or completed, for a
/// server whose jobs complete), GET /files/clip.mp4 → a clip of the size asked for.
/// </summary>
internal sealed class FixedAnswerServer : IAsyncDisposable
{
    public const string JobId = "gen_bench";

    /// <summary>A job whose status is completed, with its clip at /files/clip.mp4.</summary>
    public const string DoneJobId = "gen_done";

    private readonly WebApplication _app;

    private FixedAnswerServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="clipBytes">The size of the clip at /files/clip.mp4.</param>
    /// <param name="jobsComplete">
    /// The POST names <see cref="DoneJobId"/>, so the first poll completes the job: what a real job's last poll costs
    /// (the completion recorded for adaptive polling), where a running job's poll skips that.
    /// </param>
    public static async Task<FixedAnswerServer> StartAsync(long clipBytes = 0, bool jobsComplete = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var submitted = jobsComplete ? DoneJobId : JobId;
        var accepted = Encoding.UTF8.GetBytes($$"""{"id":"{{submitted}}","status_url":"/v3/artifacts/{{submitted}}/status"}""");
        byte[]? done = null;
        var processing = Encoding.UTF8.GetBytes($$"""{"id":"{{JobId}}","status":"processing","model":"vertexai/veo-3.1-fast-generate-001","provider":"vertexai"}""");
        var header = Mp4Header(clipBytes);
        var zeros = new byte[64 * 1024];
        app.MapPost("/v3/videos", async context =>
        {
            await Drain(context);
            await Answer(context, 202, accepted);
        });
        app.MapGet($"/v3/artifacts/{JobId}/status", context => Answer(context, 200, processing));
        // Made once: the server's own bytes per answer would count against both clients alike and blur the ratio.
        app.MapGet($"/v3/artifacts/{DoneJobId}/status", context => Answer(context, 200, done ??= Encoding.UTF8.GetBytes(
            $$"""{"id":"{{DoneJobId}}","status":"completed","url":"http://{{context.Request.Host}}/files/clip.mp4"}""")));
        app.MapGet("/files/clip.mp4", async context =>
        {
            // Streamed from one small buffer: a 1 GiB clip must not cost the server 1 GiB.
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = clipBytes;
            await context.Response.Body.WriteAsync(header);
            for (var left = clipBytes - header.Length; left > 0; left -= zeros.Length)
            {
                await context.Response.Body.WriteAsync(zeros.AsMemory(0, (int)Math.Min(zeros.Length, left)));
            }
        });
        await app.StartAsync();
        return new FixedAnswerServer(app, new Uri(app.Urls.First() + "/"));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task Drain(HttpContext context)
    {
        var buffer = new byte[4096];
        while (await context.Request.Body.ReadAsync(buffer) > 0)
        {
        }
    }

    private static Task Answer(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>The boxes before the payload of a well-formed MP4 of <paramref name="size"/> bytes: ftyp, moov, and a
    /// 64-bit mdat header whose body (zeros) fills the rest, so the client's container check passes.</summary>
    private static byte[] Mp4Header(long size)
    {
        byte[] ftyp = [0, 0, 0, 16, .. "ftypisom"u8, 0, 0, 2, 0];
        byte[] moov = [0, 0, 0, 8, .. "moov"u8];
        var header = new byte[ftyp.Length + moov.Length + 16];
        ftyp.CopyTo(header, 0);
        moov.CopyTo(header, ftyp.Length);
        var at = ftyp.Length + moov.Length;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(at), 1); // size 1: the 64-bit size follows
        "mdat"u8.CopyTo(header.AsSpan(at + 4));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(at + 8), (ulong)(size - ftyp.Length - moov.Length));
        return header;
    }
}
