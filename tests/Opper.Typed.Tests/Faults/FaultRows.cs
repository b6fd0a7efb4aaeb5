using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Tests.Faults;

/// <summary>
/// The fault matrix of docs/reliability.md, one row per fault, each run whole (submit, poll, download) by
/// <see cref="FaultMatrixTests"/>. Rows of download bodies (wrong ranges, empty or cut-off bodies, partial-file links)
/// are in <see cref="DownloadFaultTests"/>, lost POST answers in every form in <c>LostSubmissionTests</c>.
/// </summary>
internal static class FaultRows
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1); // a hang's timeout, long enough that the answers meant to succeed do on a loaded machine

    public static readonly FaultRow[] All =
    [
        // Submitting: the POST is never repeated, whatever comes back.
        new("POST answered 500", typeof(OpperApiException), JobIdInError: false)
        {
            Post = (_, context, _) => FaultScene.Json(context, 500, """{"error":{"code":"internal","message":"boom"}}"""),
            Also = (error, _) => Assert.Equal(HttpStatusCode.InternalServerError, ((OpperApiException)error!).Status),
        },
        new("POST answered 429 with Retry-After", typeof(OpperApiException), JobIdInError: false)
        {
            Post = (_, context, _) => FaultScene.Refuse(context, 429, "30"),
            Also = (error, _) => Assert.Equal(TimeSpan.FromSeconds(30), ((OpperApiException)error!).RetryAfter),
        },
        new("POST answer lost (connection reset after the body)", typeof(VideoSubmissionUncertainException), JobIdInError: false)
        {
            Post = (_, context, _) => FaultScene.Reset(context),
        },
        new("POST answered 202, cut off after a whole id, then reset", typeof(VideoSubmissionUncertainException))
        {
            Post = (scene, context, _) => FaultScene.CutThenReset(context, 202, Accepted202(scene), Accepted202(scene).IndexOf("\"status_url", StringComparison.Ordinal) + 5),
            Also = (error, _) => UncertainWithId(error!, statusUrl: null),
        },
        new("POST answered 202 whose JSON breaks after the id and status URL", typeof(VideoSubmissionUncertainException))
        {
            Post = (scene, context, _) => FaultScene.Json(context, 202, Accepted202(scene)[..^1] + ",<!-- proxy -->"),
            Also = (error, server) => UncertainWithId(error!, statusUrl: new Uri(server.ApiAddress, $"/v3/artifacts/{FaultScene.JobId}/status").ToString()),
        },

        // Waiting: polls are safe to repeat, so transient faults are retried and the wait goes on.
        new("poll answered 503 once", Throws: null)
        {
            Poll = (scene, context, n) => n == 1 ? FaultScene.Json(context, 503, "{}") : scene.Completed(context),
        },
        new("poll answered 429, Retry-After in seconds", Throws: null)
        {
            Poll = (scene, context, n) => n == 1 ? FaultScene.Refuse(context, 429, "1") : scene.Completed(context),
            Also = (_, server) => Assert.Equal(2, Polls(server)),
        },
        new("poll answered 429, Retry-After as a date", Throws: null)
        {
            Poll = (scene, context, n) => n == 1
                ? FaultScene.Refuse(context, 429, DateTimeOffset.UtcNow.AddSeconds(1).ToString("R", CultureInfo.InvariantCulture))
                : scene.Completed(context),
            Also = (_, server) => Assert.Equal(2, Polls(server)),
        },
        new("poll answered 429 asking for an hour (past Retry.MaxRetryAfter)", typeof(OpperApiException))
        {
            Poll = (_, context, _) => FaultScene.Refuse(context, 429, "3600"),
            Also = (error, server) =>
            {
                Assert.Equal(TimeSpan.FromHours(1), ((OpperApiException)error!).RetryAfter);
                Assert.Equal(1, Polls(server));   // surfaced at once, not waited out
            },
        },
        new("poll connection reset once", Throws: null)
        {
            Poll = (scene, context, n) => n == 1 ? FaultScene.Reset(context) : scene.Completed(context),
        },
        new("poll answered HTML with 200 once", Throws: null)
        {
            Poll = (scene, context, n) => n == 1 ? FaultScene.Json(context, 200, "<html>gateway</html>") : scene.Completed(context),
        },
        new("poll hangs once (each attempt has its own timeout)", Throws: null)
        {
            Poll = (scene, context, n) => n == 1 ? FaultScene.Hang(context) : scene.Completed(context),
            Configure = options => options.RequestTimeout = Short,
        },
        new("poll redirected to another host (not followed)", typeof(OpperApiException))
        {
            Poll = (scene, context, _) => Redirect(context, new Uri(scene.Server.DownloadAddress, context.Request.Path)),
            Download = (scene, context, _) => context.Request.Path.StartsWithSegments("/v3") ? FaultScene.Running(context) : FaultScene.WholeClip(context),
            Also = (error, server) =>
            {
                Assert.Equal("redirect_not_followed", ((OpperApiException)error!).ErrorCode);
                Assert.Contains(new Uri(server.DownloadAddress, $"/v3/artifacts/{FaultScene.JobId}/status").ToString(), error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(server.Requests, r => r.Host == "download");   // its "processing" was never asked for
            },
        },
        new("poll redirected on the API's own origin (followed, with the key)", Throws: null)
        {
            Poll = (scene, context, _) => context.Request.Query.ContainsKey("moved")
                ? scene.Completed(context)
                : Redirect(context, new Uri(scene.Server.ApiAddress, $"{context.Request.Path}?moved=1")),
            Also = (_, server) => Assert.Equal(2, server.Requests.Count(r => r.Host == "api" && r.Method == "GET" && r.Authorization is not null && r.Path.EndsWith("/status", StringComparison.Ordinal))),
        },
        new("job completed without a URL", typeof(OpperApiException))
        {
            Poll = (_, context, _) => FaultScene.Json(context, 200, $$"""{"id":"{{FaultScene.JobId}}","status":"completed"}"""),
            Also = (error, _) => Assert.Equal("missing_url", ((OpperApiException)error!).ErrorCode),
        },
        new("job failed at the provider", typeof(VideoGenerationFailedException))
        {
            Poll = (_, context, _) => FaultScene.Json(context, 200, $$"""{"id":"{{FaultScene.JobId}}","status":"failed","error":"content policy"}"""),
        },

        // Downloading: from a host that is not the API's, which never sees the key.
        new("download reset mid-body once (resumed with Range)", Throws: null)
        {
            Download = (_, context, n) => n == 1 ? FaultScene.SendHalfThenReset(context) : FaultScene.WholeClip(context),
            Also = (_, server) => Assert.Contains(server.Requests, r => r.Host == "download" && r.Range is not null),
        },
        new("download stalls mid-body once (DownloadStallTimeout)", Throws: null)
        {
            Download = (_, context, n) => n == 1 ? FaultScene.SendHalfThenStall(context, TimeSpan.FromMinutes(1)) : FaultScene.WholeClip(context),
            Configure = options => options.DownloadStallTimeout = Short,
            Also = (_, server) => Assert.Contains(server.Requests, r => r.Host == "download" && r.Range is not null),
        },
        new("download stalls every time", typeof(VideoGenerationInterruptedException))
        {
            Download = (_, context, _) => FaultScene.SendHalfThenStall(context, TimeSpan.FromMinutes(1)),
            Configure = options => { options.DownloadStallTimeout = Short; options.MaxDownloadAttempts = 2; },
            Also = (error, _) => Assert.IsType<TimeoutException>(Assert.IsType<IOException>(error!.InnerException).InnerException),
        },
        new("download answered 503 once", Throws: null)
        {
            Download = (_, context, n) => n == 1 ? FaultScene.Json(context, 503, "{}") : FaultScene.WholeClip(context),
        },
        new("download host asks for an hour (503, past Retry.MaxRetryAfter)", typeof(OpperApiException))
        {
            Download = (_, context, _) => FaultScene.Refuse(context, 503, "3600"),
            Also = (error, server) =>
            {
                Assert.Equal(TimeSpan.FromHours(1), ((OpperApiException)error!).RetryAfter);
                Assert.Single(server.Requests, r => r.Host == "download");
            },
        },
        new("download served as application/octet-stream without a length, cut at 60% once", Throws: null)
        {
            Download = (_, context, n) => FaultScene.Untyped(context, "application/octet-stream", n == 1 ? FaultScene.Clip.Length * 6 / 10 : FaultScene.Clip.Length, announce: false),
            Also = (_, server) => Assert.Equal(2, server.Requests.Count(r => r.Host == "download")),
        },
        new("download served as binary/octet-stream announcing and sending 90% of the clip", typeof(VideoGenerationInterruptedException))
        {
            Download = (_, context, _) => FaultScene.Untyped(context, "binary/octet-stream", FaultScene.Clip.Length * 9 / 10, announce: true),
            Also = (error, _) => Assert.Contains(FaultScene.JobId, Assert.IsType<InvalidDataException>(error!.InnerException).Message, StringComparison.Ordinal),
        },
        new("download of a whole clip served as application/octet-stream", Throws: null)
        {
            Download = (_, context, _) => FaultScene.Untyped(context, "application/octet-stream", FaultScene.Clip.Length, announce: true),
        },
        new("download URL expired once (403, refreshed by polling)", Throws: null)
        {
            Download = (_, context, n) => n == 1 ? FaultScene.Json(context, 403, "<Error>Request has expired</Error>") : FaultScene.WholeClip(context),
            Also = (_, server) => Assert.True(Polls(server) >= 2),
        },
        new("download redirected to another host", Throws: null)
        {
            Download = (scene, context, _) => Redirect(context, new Uri(scene.Server.ApiAddress, "/files/clip.mp4")),
            Also = (_, server) => Assert.Single(server.Requests, r => r.Path == "/files/clip.mp4" && r.Authorization is null),
        },

        // Cancelling: prompt in every phase; after the 202 the cancellation names the job.
        new("cancelled while submitting", typeof(VideoGenerationCanceledException), JobIdInError: false)
        {
            Post = (scene, context, _) => { scene.Cancel(); return FaultScene.Hang(context); },
            Also = (error, _) =>
            {
                Assert.Contains("may have been created", error!.Message, StringComparison.Ordinal);
                Assert.Contains("no job id was received", error.Message, StringComparison.Ordinal);
            },
        },
        new("cancelled while waiting", typeof(VideoGenerationCanceledException))
        {
            Poll = (scene, context, n) => { if (n == 2) { scene.Cancel(); } return FaultScene.Running(context); },
        },
        new("cancelled while downloading", typeof(VideoGenerationCanceledException))
        {
            Download = (scene, context, _) => { scene.Cancel(); return FaultScene.SendHalfThenStall(context, TimeSpan.FromMinutes(1)); },
        },

        // The disk: a destination that goes away while the job runs.
        new("destination folder removed during the wait", typeof(VideoGenerationInterruptedException))
        {
            Poll = (scene, context, _) => { if (Directory.Exists(scene.Folder)) { Directory.Delete(scene.Folder); } return scene.Completed(context); },
            Also = (error, _) => Assert.IsAssignableFrom<IOException>(error!.InnerException),
        },
    ];

    /// <summary>The 202 the fault server's API answers a submission with, its status URL on the API's own origin.</summary>
    private static string Accepted202(FaultScene scene) =>
        $$"""{"id":"{{FaultScene.JobId}}","status_url":"{{new Uri(scene.Server.ApiAddress, $"/v3/artifacts/{FaultScene.JobId}/status")}}","status":"queued"}""";

    /// <summary>The id that arrived is on the exception, with the status URL when it arrived whole, and the message says how to resume.</summary>
    private static void UncertainWithId(Exception error, string? statusUrl)
    {
        var uncertain = Assert.IsType<VideoSubmissionUncertainException>(error);
        Assert.Equal(statusUrl, uncertain.StatusUrl);
        Assert.Contains($"GetGenerationOperation(\"{FaultScene.JobId}\")", uncertain.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("may have been created", uncertain.Message, StringComparison.Ordinal);
    }

    private static int Polls(FaultServer server) => server.Requests.Count(r => r.Host == "api" && r.Method == "GET" && r.Path.EndsWith("/status", StringComparison.Ordinal));

    private static Task Redirect(HttpContext context, Uri target)
    {
        context.Response.StatusCode = (int)HttpStatusCode.Found;
        context.Response.Headers.Location = target.ToString();
        return Task.CompletedTask;
    }
}
