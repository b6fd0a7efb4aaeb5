using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// The presigned download host: its own port, no bearer auth (a request that carries one is refused, as S3 does),
/// expiring signed URLs, <c>Range</c> support, and the injected dropped connection. It serves the jobs' clips and the
/// Files API's files.
/// </summary>
internal static class DownloadEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.Use(RequestRecorder.For(state, EmulatorHost.Download));
        app.MapGet("/clips/{file}", (HttpContext context, string file, string? expires, string? signature) => ServeAsync(context, state, file, expires, signature));
        app.MapGet("/files/{id}", (HttpContext context, string id, string? expires, string? signature) => ServeFileAsync(context, state, id, expires, signature));
    }

    /// <summary>The path a job's clip is signed and served under.</summary>
    public static string ClipPath(string jobId) => $"clips/{jobId}.mp4";

    /// <summary>The path a file's bytes are signed and served under.</summary>
    public static string FilePath(string fileId) => $"files/{fileId}";

    private static async Task ServeAsync(HttpContext context, EmulatorState state, string file, string? expires, string? signature)
    {
        var jobId = file.EndsWith(".mp4", StringComparison.Ordinal) ? file[..^4] : file;
        if (await RefusedAsync(context, state, ClipPath(jobId), expires, signature))
        {
            return;
        }

        if (!state.Jobs.TryGetValue(jobId, out var job) || job.StateAt(state.Now) != "completed")
        {
            await NoSuchKey(context);
            return;
        }

        var clip = ClipLibrary.Load(job.ClipSize, job.ClipSeconds);
        var faults = state.Options.Faults;
        var acceptsRanges = !faults.DisableRangeRequests;
        if (faults.DropFirstDownloadAfterBytes is { } dropAfter && state.NextDownload() == 1)
        {
            // Promise the whole clip, send part of it, then cut the connection: what a flaky network looks like to a client.
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = clip.Length;
            if (acceptsRanges)
            {
                context.Response.Headers.AcceptRanges = "bytes";
            }

            await context.Response.Body.WriteAsync(clip.AsMemory(0, (int)Math.Min(dropAfter, clip.Length - 1)));
            await context.Response.Body.FlushAsync();
            // An abort is a TCP reset, which discards bytes still queued: give them time to reach the client first.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            context.Abort();
            return;
        }

        if (faults.DownloadBytesPerSecond is { } rate)
        {
            await SendSlowlyAsync(context, clip, rate, acceptsRanges);
            return;
        }

        await Results.File(clip, "video/mp4", enableRangeProcessing: acceptsRanges).ExecuteAsync(context);
    }

    /// <summary>
    /// A file's bytes: an upload straight from disk, an output as its job's clip. The clip faults stay with clip URLs,
    /// except a host without <c>Range</c>, which is the host's.
    /// </summary>
    private static async Task ServeFileAsync(HttpContext context, EmulatorState state, string id, string? expires, string? signature)
    {
        if (await RefusedAsync(context, state, FilePath(id), expires, signature))
        {
            return;
        }

        if (state.Files.Find(id, state.Now) is not { } file)
        {
            await NoSuchKey(context);
            return;
        }

        var acceptsRanges = !state.Options.Faults.DisableRangeRequests;
        var result = file.Path is { } path
            ? Results.File(path, file.MimeType, enableRangeProcessing: acceptsRanges)
            : Results.File(ClipLibrary.Load(file.Output!.ClipSize, file.Output.ClipSeconds), file.MimeType, enableRangeProcessing: acceptsRanges);
        await result.ExecuteAsync(context);
    }

    /// <summary>Answers a request that carries auth, has a forged signature or has expired, as a storage host does.</summary>
    /// <returns>Whether it was refused.</returns>
    private static async Task<bool> RefusedAsync(HttpContext context, EmulatorState state, string path, string? expires, string? signature)
    {
        if (context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            await StorageError(context, 400, "InvalidArgument", "Only one auth mechanism allowed; a presigned URL takes no Authorization header.");
            return true;
        }

        if (!state.Signer.IsAuthentic(path, expires, signature))
        {
            await StorageError(context, 403, "SignatureDoesNotMatch", "The request signature does not match.");
            return true;
        }

        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry) || state.Now.ToUnixTimeSeconds() > expiry)
        {
            await StorageError(context, 403, "AccessDenied", "Request has expired.");
            return true;
        }

        return false;
    }

    private static Task NoSuchKey(HttpContext context) => StorageError(context, 404, "NoSuchKey", "The specified key does not exist.");

    /// <summary>The clip (or, for <c>Range: bytes=N-</c>, its tail) in tenth-of-a-second slices of the rate.</summary>
    private static async Task SendSlowlyAsync(HttpContext context, byte[] clip, int bytesPerSecond, bool acceptsRanges)
    {
        var from = 0L;
        var range = context.Request.GetTypedHeaders().Range;
        if (acceptsRanges && range?.Ranges.Count == 1 && range.Ranges.First() is { From: { } start, To: null } && start < clip.Length)
        {
            from = start;
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = new ContentRangeHeaderValue(from, clip.Length - 1, clip.Length).ToString();
        }

        context.Response.ContentType = "video/mp4";
        context.Response.ContentLength = clip.Length - from;
        if (acceptsRanges)
        {
            context.Response.Headers.AcceptRanges = "bytes";
        }

        var slice = Math.Max(1, bytesPerSecond / 10);
        for (var offset = from; offset < clip.Length; offset += slice)
        {
            await context.Response.Body.WriteAsync(clip.AsMemory((int)offset, (int)Math.Min(slice, clip.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromMilliseconds(100), context.RequestAborted);
        }
    }

    private static Task StorageError(HttpContext context, int status, string code, string message)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>";
        return Results.Content(xml, "application/xml", Encoding.UTF8, status).ExecuteAsync(context);
    }
}
