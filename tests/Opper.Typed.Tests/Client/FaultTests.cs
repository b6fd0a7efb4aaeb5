using System.Net;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

public sealed class FaultTests
{
    private static VideoRequest Balloon() => new(LiveModel.Id, "a hot air balloon") { Parameters = { ["durationSeconds"] = 4, ["resolution"] = "720p" } };

    [Fact]
    public async Task A_failed_POST_is_never_retried_because_a_second_POST_is_a_second_paid_job()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.Faults.ServerErrorOnRequest = 1);

        var error = await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.SubmitAsync(Balloon()));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal("internal_error", error.ErrorCode);
        Assert.Single(fx.Requests(EmulatorHost.Api, "POST"));
    }

    [Fact]
    public async Task A_429_on_a_poll_is_retried_after_the_servers_Retry_After()
    {
        await using var fx = await EmulatorFixture.StartAsync(e =>
        {
            e.Faults.RateLimitFirstGets = 1;
            e.Faults.RetryAfter = TimeSpan.FromSeconds(1);
        });
        var job = await fx.Client.SubmitAsync(Balloon());

        var status = await fx.Client.GetStatusAsync(job.Id);

        Assert.Equal(job.Id, status.Id);
        var gets = fx.Requests(EmulatorHost.Api, "GET");
        Assert.Equal([429, 200], gets.Select(r => r.ResponseStatus));
        // The client's own backoff is 20 ms here, so a gap of a second can only come from Retry-After.
        Assert.True(gets[1].ReceivedAt - gets[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {gets[1].ReceivedAt - gets[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_5xx_on_a_poll_is_retried()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => { e.Faults.ServerErrorOnRequest = 2; e.Faults.ServerErrorStatus = 503; });
        var job = await fx.Client.SubmitAsync(Balloon());

        await fx.Client.GetStatusAsync(job.Id);

        Assert.Equal([503, 200], fx.Requests(EmulatorHost.Api, "GET").Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Persistent_rate_limiting_surfaces_as_an_api_exception_with_the_wait_and_the_job()
    {
        await using var fx = await EmulatorFixture.StartAsync(
            e => { e.Faults.RateLimitFirstGets = 100; e.Faults.RetryAfter = TimeSpan.Zero; },
            c => c.Retry.MaxRetries = 2);
        var job = await fx.Client.SubmitAsync(Balloon());

        var error = await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.GetStatusAsync(job.Id));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(job.Id, error.JobId);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal(3, fx.Requests(EmulatorHost.Api, "GET").Count);
    }

    [Fact]
    public async Task A_dropped_download_resumes_with_Range_and_leaves_one_whole_file()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.Faults.DropFirstDownloadAfterBytes = 5000);

        await fx.Client.GenerateToFileAsync(Balloon(), fx.PathOf("clip.mp4"));

        var downloads = fx.Requests(EmulatorHost.Download, "GET");
        Assert.Equal(2, downloads.Count);
        Assert.False(downloads[0].Headers.ContainsKey("Range"));
        Assert.Equal("bytes=5000-", downloads[1].Headers["Range"]);
        Assert.Equal(206, downloads[1].ResponseStatus);
        await AssertWholeClipAsync(fx);
    }

    [Fact]
    public async Task A_dropped_download_restarts_when_the_host_does_not_support_Range()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => { e.Faults.DropFirstDownloadAfterBytes = 5000; e.Faults.DisableRangeRequests = true; });

        await fx.Client.GenerateToFileAsync(Balloon(), fx.PathOf("clip.mp4"));

        var downloads = fx.Requests(EmulatorHost.Download, "GET");
        Assert.Equal(2, downloads.Count);
        Assert.False(downloads[1].Headers.ContainsKey("Range"));
        await AssertWholeClipAsync(fx);
    }

    [Fact]
    public async Task An_expired_url_is_refreshed_by_polling_again()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.Faults.FirstUrlExpired = true);

        await fx.Client.GenerateToFileAsync(Balloon(), fx.PathOf("clip.mp4"));

        Assert.Equal([403, 200], fx.Requests(EmulatorHost.Download, "GET").Select(r => r.ResponseStatus));
        var lastPoll = fx.Requests(EmulatorHost.Api, "GET")[^1];
        Assert.True(lastPoll.ReceivedAt >= fx.Requests(EmulatorHost.Download, "GET")[0].ReceivedAt, "the URL was refreshed after the 403");
        await AssertWholeClipAsync(fx);
    }

    [Fact]
    public async Task A_failed_job_throws_with_the_provider_error_and_writes_nothing()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => { e.FailJobs = true; e.JobFailureError = "moderation_blocked: the prompt was flagged"; });

        var error = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => fx.Client.GenerateToFileAsync(Balloon(), fx.PathOf("clip.mp4")));

        Assert.StartsWith("gen_", error.JobId);
        Assert.Equal("moderation_blocked: the prompt was flagged", error.ProviderError);
        Assert.Contains("moderation_blocked: the prompt was flagged", error.Message);
        Assert.Contains(error.JobId, error.Message);
        Assert.Empty(fx.Files());
    }

    [Fact]
    public async Task A_slow_response_within_the_request_timeout_still_succeeds()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.Faults.ResponseDelay = TimeSpan.FromMilliseconds(300));

        await fx.Client.GenerateToFileAsync(Balloon(), fx.PathOf("clip.mp4"));

        await AssertWholeClipAsync(fx);
    }

    [Fact]
    public async Task A_POST_answer_slower_than_the_request_timeout_is_reported_as_a_possibly_created_job_and_not_repeated()
    {
        await using var fx = await EmulatorFixture.StartAsync(
            e => e.Faults.ResponseDelay = TimeSpan.FromSeconds(5),
            c => c.RequestTimeout = TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<VideoSubmissionUncertainException>(() => fx.Client.SubmitAsync(Balloon()));

        Assert.IsType<TimeoutException>(error.InnerException?.InnerException);
        Assert.Contains("RequestTimeout", error.Message);
        // The emulator logs a request when it ends, here when it notices the client has gone: wait for that.
        await Eventually.TrueAsync(() => fx.Requests(EmulatorHost.Api, "POST").Any());
        Assert.Single(fx.Requests(EmulatorHost.Api, "POST"));
    }

    private static async Task AssertWholeClipAsync(EmulatorFixture fx)
    {
        var bytes = await File.ReadAllBytesAsync(fx.PathOf("clip.mp4"));
        Assert.True(Mp4Probe.HasFtyp(bytes));
        Assert.Equal((1280, 720), Mp4Probe.FrameSize(bytes));
        Assert.Equal(22175, bytes.Length);
        Assert.Equal(["clip.mp4"], fx.Files());
    }
}
