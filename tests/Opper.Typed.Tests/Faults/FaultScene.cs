using System.Net;
using Microsoft.AspNetCore.Http;
using Opper.Typed.Testing;

namespace Opper.Typed.Tests.Faults;

/// <summary>
/// What a fault row scripts against: the <see cref="FaultServer"/>, the clip, the run's cancellation, and the answers
/// rows are made of. Scripts get the 1-based number of the request of their kind (POST, poll, download).
/// </summary>
internal sealed class FaultScene(FaultServer server, CancellationTokenSource cancellation, string folder)
{
    public const string JobId = "job_1";

    public static readonly byte[] Clip = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "Opper.Typed.Emulator", "Clips", "1280x720.mp4"));

    public FaultServer Server { get; } = server;

    /// <summary>The folder the clip is downloaded into.</summary>
    public string Folder { get; } = folder;

    /// <summary>Cancels the generation under test, as a user pressing Ctrl+C at that moment.</summary>
    public void Cancel() => cancellation.Cancel();

    public static Task Json(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public static Task Accepted(HttpContext context) => Json(context, 202, $$"""{"id":"{{JobId}}","status":"queued"}""");

    public static Task Running(HttpContext context) => Json(context, 200, $$"""{"id":"{{JobId}}","status":"processing"}""");

    public Task Completed(HttpContext context) => Json(context, 200, Server.CompletedStatus(JobId));

    /// <summary>An error answer with a <c>Retry-After</c> (seconds, or an HTTP date when given one).</summary>
    public static Task Refuse(HttpContext context, int status, string retryAfter)
    {
        context.Response.Headers.RetryAfter = retryAfter;
        return Json(context, status, """{"error":{"code":"busy","message":"Try again later."}}""");
    }

    public static async Task Reset(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Abort();
    }

    /// <summary>The whole clip, announced, with ranges offered.</summary>
    public static Task WholeClip(HttpContext context) => ClipFrom(context, 0);

    /// <summary>The clip, honouring a <c>Range: bytes=N-</c> with a 206 from N.</summary>
    public static async Task ClipFrom(HttpContext context, long offset)
    {
        var range = context.Request.Headers.Range.FirstOrDefault();
        if (range is not null && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            offset = long.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            context.Response.StatusCode = (int)HttpStatusCode.PartialContent;
            context.Response.Headers.ContentRange = $"bytes {offset}-{Clip.Length - 1}/{Clip.Length}";
        }

        context.Response.ContentType = "video/mp4";
        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.ContentLength = Clip.Length - offset;
        await context.Response.Body.WriteAsync(Clip.AsMemory((int)offset));
    }

    /// <summary>
    /// The first <paramref name="length"/> bytes of the clip as an object store serves an object uploaded without a type:
    /// a generic <paramref name="contentType"/>, the length announced only when <paramref name="announce"/> is set.
    /// </summary>
    public static async Task Untyped(HttpContext context, string contentType, int length, bool announce)
    {
        context.Response.ContentType = contentType;
        if (announce)
        {
            context.Response.ContentLength = length;
        }

        await context.Response.Body.WriteAsync(Clip.AsMemory(0, length));
    }

    /// <summary>
    /// Announces <paramref name="json"/> whole, sends its first <paramref name="sent"/> characters, then resets the
    /// connection: an answer cut off on the way.
    /// </summary>
    public static async Task CutThenReset(HttpContext context, int status, string json, int sent)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, sent));
        await context.Response.Body.FlushAsync();
        // An abort is a TCP reset, which discards bytes still queued: give them time to reach the client first.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        context.Abort();
    }

    /// <summary>Announces the whole clip, sends part of it, then waits as a host that stopped sending but keeps the connection.</summary>
    public static async Task SendHalfThenStall(HttpContext context, TimeSpan stall)
    {
        context.Response.ContentType = "video/mp4";
        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.ContentLength = Clip.Length;
        await context.Response.Body.WriteAsync(Clip.AsMemory(0, Clip.Length / 2));
        await context.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(stall, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up on this connection, as it should.
        }

        context.Abort();
    }

    /// <summary>Announces the whole clip, sends part of it, then resets the connection.</summary>
    public static async Task SendHalfThenReset(HttpContext context)
    {
        context.Response.ContentType = "video/mp4";
        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.ContentLength = Clip.Length;
        await context.Response.Body.WriteAsync(Clip.AsMemory(0, Clip.Length / 2));
        await context.Response.Body.FlushAsync();
        // An abort is a TCP reset, which discards bytes still queued: give them time to reach the client first.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        context.Abort();
    }

    /// <summary>Holds the request open until the client gives up on it.</summary>
    public static async Task Hang(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
