using System.Net;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Operations;

/// <summary>
/// When the answer to POST /v3/videos is lost, the job may exist: the client says so with a distinct exception and
/// never sends the POST again. When the request never left, the original network error surfaces.
/// </summary>
public sealed class LostSubmissionTests
{

    public static TheoryData<string> LostAnswers => ["reset after the body", "202 cut off", "202 not JSON", "202 without id", "no answer"];

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task A_lost_answer_says_the_job_may_exist_and_the_POST_is_sent_once(string fault)
    {
        await using var server = new ScriptedHttpServer(_ => fault switch
        {
            "reset after the body" => ScriptedReply.Reset,
            "202 cut off" => ScriptedReply.CutOff(202, """{"id":"gen_12""", announced: 80),
            "202 not JSON" => ScriptedReply.Json(202, "<html>Accepted</html>", "text/html"),
            "202 without id" => ScriptedReply.Json(202, """{"status_url":"/v3/artifacts/x/status"}"""),
            _ => ScriptedReply.Hang,
        });
        using var client = ClientFor(server.BaseAddress);

        var error = await Assert.ThrowsAsync<VideoSubmissionUncertainException>(() => client.StartGenerationAsync(LiveModel.Request()));

        Assert.Equal(LiveModel.Id, error.Model);
        Assert.Contains("may have been created", error.Message);
        Assert.Contains("not sent again", error.Message);
        Assert.NotNull(error.InnerException);
        // The server records a request once it has read it whole, which on a loaded machine can come after the client gave up.
        await Eventually.TrueAsync(() => server.Requests.Count > 0);
        Assert.Single(server.Requests, r => r.Method == "POST");
    }

    public static TheoryData<string, string?> AnswersThatNamedTheJob => new()
    {
        // Cut off (the announced length never arrives) after a whole id: the status URL had not arrived whole.
        { """{"id":"gen_12","status_url":"/v3/arti""", null },
        // Whole, but the JSON breaks after both: a proxy appended something.
        { """{"id":"gen_12","status_url":"/v3/artifacts/gen_12/status",<br>""", "/v3/artifacts/gen_12/status" },
    };

    [Theory]
    [MemberData(nameof(AnswersThatNamedTheJob))]
    public async Task An_id_that_arrived_is_kept_and_the_message_says_the_job_exists(string body, string? statusUrl)
    {
        await using var server = new ScriptedHttpServer(_ => statusUrl is null ? ScriptedReply.CutOff(202, body, announced: body.Length + 40) : ScriptedReply.Json(202, body));
        using var client = ClientFor(server.BaseAddress);

        var error = await Assert.ThrowsAsync<VideoSubmissionUncertainException>(() => client.StartGenerationAsync(LiveModel.Request()));

        Assert.Equal("gen_12", error.JobId);
        Assert.Equal(statusUrl, error.StatusUrl);
        Assert.Contains("named job gen_12", error.Message);
        Assert.Contains("The job exists and is billed", error.Message);
        Assert.Contains("client.GetGenerationOperation(\"gen_12\")", error.Message);
        Assert.DoesNotContain("may have been created", error.Message);
        Assert.Single(server.Requests, r => r.Method == "POST");
    }

    [Theory]
    [InlineData("""{"id":"gen_12""")]               // the id's string never closed
    [InlineData("""{"id":"","status_url":"/x"}""")] // blank
    [InlineData("""{"job":{"id":"gen_12"}}""")]     // not the answer's own id
    public async Task An_id_that_did_not_arrive_whole_is_not_guessed(string body)
    {
        await using var server = new ScriptedHttpServer(_ => ScriptedReply.CutOff(202, body, announced: body.Length + 40));
        using var client = ClientFor(server.BaseAddress);

        var error = await Assert.ThrowsAsync<VideoSubmissionUncertainException>(() => client.StartGenerationAsync(LiveModel.Request()));

        Assert.Null(error.JobId);
        Assert.Contains("may have been created", error.Message);
    }

    [Fact]
    public async Task Cancelling_while_the_POST_is_in_flight_is_a_cancellation_that_says_the_job_may_exist()
    {
        await using var server = new ScriptedHttpServer(_ => ScriptedReply.Hang);
        using var client = ClientFor(server.BaseAddress, TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource();
        var submitting = client.StartGenerationAsync(LiveModel.Request(), cancellation.Token);
        await Eventually.TrueAsync(() => server.Requests.Count == 1);

        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<VideoGenerationCanceledException>(() => submitting);

        Assert.Null(error.JobId);
        Assert.Contains("may have been created", error.Message);
        Assert.Contains("no job id was received", error.Message);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_POST_that_never_left_surfaces_the_network_error_itself()
    {
        // A port that was open a moment ago and is closed now: the connection is refused before anything is sent.
        var closed = new ScriptedHttpServer(_ => ScriptedReply.Hang);
        var address = closed.BaseAddress;
        await closed.DisposeAsync();
        using var client = ClientFor(address);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartGenerationAsync(LiveModel.Request()));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
    }

    [Fact]
    public async Task A_refusal_is_an_api_exception_not_an_uncertain_submission()
    {
        await using var server = new ScriptedHttpServer(_ => ScriptedReply.Json(402, """{"error":{"code":"insufficient_credits","message":"Wallet is empty."}}"""));
        using var client = ClientFor(server.BaseAddress);

        var error = await Assert.ThrowsAsync<OpperApiException>(() => client.StartGenerationAsync(LiveModel.Request()));

        Assert.Equal(HttpStatusCode.PaymentRequired, error.Status);
        Assert.Single(server.Requests);
    }

    private static OpperVideoClient ClientFor(Uri address, TimeSpan? requestTimeout = null)
    {
        var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = "test-key", BaseAddress = address });
        options.RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(2); // long enough for a cold client on a loaded machine; only a hung answer waits it out
        return new OpperVideoClient(options);
    }
}
