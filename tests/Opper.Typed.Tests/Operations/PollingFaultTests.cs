using Microsoft.Extensions.Logging.Abstractions;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Operations;

/// <summary>Polls survive what a real network does to them, and go where the API said, as long as the key goes nowhere else.</summary>
public sealed class PollingFaultTests
{
    private const string Completed = """{"status":"completed","url":"https://storage.example/clip.mp4","model":"vertexai/veo-3.1-fast-generate-001"}""";

    public static TheoryData<string> MalformedBodies => ["<html><body>502 from the proxy, served as 200</body></html>", "", """{"status":"compl"""];

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_200_poll_is_retried_like_a_5xx(string body)
    {
        var polls = 0;
        await using var server = new ScriptedHttpServer(request => request.Method == "POST"
            ? Accepted("gen_1", "/v3/artifacts/gen_1/status")
            : Interlocked.Increment(ref polls) == 1 ? ScriptedReply.Json(200, body, "text/html") : ScriptedReply.Json(200, Completed));
        using var client = ClientFor(server.BaseAddress);
        var operation = await client.StartGenerationAsync(LiveModel.Request());

        var done = await operation.WaitForCompletionAsync();

        Assert.Equal(VideoJobState.Completed, done.State);
        Assert.Equal(2, polls);
    }

    [Fact]
    public async Task A_poll_that_stays_malformed_fails_with_the_job_id_after_the_retries()
    {
        await using var server = new ScriptedHttpServer(request => request.Method == "POST"
            ? Accepted("gen_2", null)
            : ScriptedReply.Json(200, "<html>maintenance</html>", "text/html"));
        using var client = ClientFor(server.BaseAddress, maxRetries: 2);

        var error = await Assert.ThrowsAsync<OpperApiException>(() => client.GetStatusAsync("gen_2"));

        Assert.Equal(("invalid_response", "gen_2"), (error.ErrorCode, error.JobId));
        Assert.Contains("<html>maintenance</html>", error.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_hung_poll_is_retried_because_each_attempt_has_its_own_timeout()
    {
        var polls = 0;
        await using var server = new ScriptedHttpServer(request => request.Method == "POST"
            ? Accepted("gen_3", null)
            : Interlocked.Increment(ref polls) == 1 ? ScriptedReply.Hang : ScriptedReply.Json(200, Completed));
        using var client = ClientFor(server.BaseAddress, requestTimeout: TimeSpan.FromSeconds(1));

        var status = await client.GetStatusAsync("gen_3");

        Assert.Equal(VideoJobState.Completed, status.State);
        Assert.Equal(2, polls);
    }

    [Fact]
    public async Task The_status_url_of_the_submit_answer_is_polled_when_it_is_on_the_API_host()
    {
        await using var server = new ScriptedHttpServer(request => request.Method == "POST"
            ? Accepted("gen_4", "/jobs/gen_4/state?v=2")
            : ScriptedReply.Json(200, Completed));
        using var client = ClientFor(server.BaseAddress);
        var operation = await client.StartGenerationAsync(LiveModel.Request());

        await operation.WaitForCompletionAsync();

        var poll = Assert.Single(server.Requests, r => r.Method == "GET");
        Assert.Equal("/jobs/gen_4/state?v=2", poll.Path);
        Assert.Equal("Bearer test-key", poll.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_status_url_on_another_host_is_never_called_and_the_documented_path_is_polled_instead()
    {
        await using var elsewhere = new ScriptedHttpServer(_ => ScriptedReply.Json(200, Completed));
        await using var server = new ScriptedHttpServer(request => request.Method == "POST"
            ? Accepted("gen_5", new Uri(elsewhere.BaseAddress, "v3/artifacts/gen_5/status").ToString())
            : ScriptedReply.Json(200, Completed));
        using var client = ClientFor(server.BaseAddress);
        var operation = await client.StartGenerationAsync(LiveModel.Request());

        await operation.WaitForCompletionAsync();

        Assert.Empty(elsewhere.Requests); // so the key was never sent there
        Assert.Equal("/v3/artifacts/gen_5/status", Assert.Single(server.Requests, r => r.Method == "GET").Path);
    }

    [Fact]
    public async Task A_rehydrated_operation_polls_the_documented_path()
    {
        await using var server = new ScriptedHttpServer(_ => ScriptedReply.Json(200, Completed));
        using var client = ClientFor(server.BaseAddress);

        await client.GetGenerationOperation("gen_6").UpdateStatusAsync();

        Assert.Equal("/v3/artifacts/gen_6/status", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Completed_without_a_url_fails_with_the_job_id_after_a_few_polls_instead_of_running_into_the_timeout()
    {
        var polls = 0;
        var polling = new VideoPollingOptions { FirstPollDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(1) };
        var waiter = new JobWaiter((_, _) => { polls++; return Task.FromResult(new VideoStatus { Status = "completed" }); }, polling, TimeProvider.System, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<OpperApiException>(() => waiter.WaitAsync("gen_7", progress: null, CancellationToken.None));

        Assert.Equal(("missing_url", "gen_7"), (error.ErrorCode, error.JobId));
        Assert.Contains("GetGenerationOperation(\"gen_7\")", error.Message);
        Assert.Equal(JobWait.MaxCompletedWithoutUrl, polls);
    }

    private static ScriptedReply Accepted(string id, string? statusUrl) =>
        ScriptedReply.Json(202, statusUrl is null ? $$"""{"id":"{{id}}"}""" : $$"""{"id":"{{id}}","status_url":"{{statusUrl}}"}""");

    private static OpperVideoClient ClientFor(Uri address, TimeSpan? requestTimeout = null, int maxRetries = 3)
    {
        var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = "test-key", BaseAddress = address });
        options.RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
        options.Retry.MaxRetries = maxRetries;
        return new OpperVideoClient(options);
    }
}
