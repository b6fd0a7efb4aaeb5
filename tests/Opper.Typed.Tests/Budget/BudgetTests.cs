using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Budget;

/// <summary>
/// The budget at the POST, against a scripted loopback server (not the emulator): a job over the limit is refused with
/// nothing sent, a POST that never left or was refused gives its reservation back, one whose answer was lost keeps it.
/// </summary>
public sealed class BudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>0.60 USD: 4 s × 0.15/s.</summary>
    private static Veo31FastGenerate001Request FourSeconds() => new("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 };

    private static ScriptedHttpServer Accepting() =>
        new(request => ScriptedReply.Json(202, $$"""{"id":"gen_{{Guid.NewGuid():N}}","status":"processing"}"""));

    private static OpperVideoClient Client(Uri address, decimal limit, FakeTimeProvider? time = null, Action<VideoBudget>? prices = null)
    {
        var budget = new VideoBudget { Limit = limit, Window = TimeSpan.FromDays(1) };
        prices?.Invoke(budget);
        return new OpperVideoClient(new OpperVideoClientOptions
        {
            ApiKey = "test-key",
            BaseAddress = address,
            // No test here waits for a timeout: a short one only cut POSTs off on a loaded machine (a lost answer, which keeps its reservation).
            RequestTimeout = TimeSpan.FromSeconds(60),
            Budget = budget,
            TimeProvider = time ?? new FakeTimeProvider(Start),
        });
    }

    private static int Posts(ScriptedHttpServer server) => server.Requests.Count(r => r.Method == "POST");

    [Fact]
    public async Task A_job_that_would_pass_the_limit_is_refused_and_nothing_is_sent_until_the_window_has_room()
    {
        await using var server = Accepting();
        var time = new FakeTimeProvider(Start);
        using var client = Client(server.BaseAddress, limit: 1.00m, time);

        await client.SubmitAsync(FourSeconds());
        time.Advance(TimeSpan.FromHours(1));
        var refused = await Assert.ThrowsAsync<OpperBudgetExceededException>(() => client.SubmitAsync(FourSeconds()));

        Assert.Equal(1, Posts(server));
        Assert.Equal(0.60m, refused.Spent);
        Assert.Equal(1.00m, refused.Limit);
        Assert.Equal(0.60m, refused.Cost);
        Assert.Equal(Start.AddDays(1), refused.RoomAt);
        Assert.Equal(LiveModel.Id, refused.Model);
        Assert.IsAssignableFrom<OpperException>(refused);
        Assert.Contains("Nothing was sent", refused.Message);
        Assert.Contains("Opper:Budget:Limit", refused.Message);

        time.Advance(TimeSpan.FromHours(23));
        await client.SubmitAsync(FourSeconds());
        Assert.Equal(2, Posts(server));
    }

    [Fact]
    public async Task A_job_dearer_than_the_whole_limit_never_fits()
    {
        await using var server = Accepting();
        using var client = Client(server.BaseAddress, limit: 0.50m);

        var refused = await Assert.ThrowsAsync<OpperBudgetExceededException>(() => client.StartGenerationAsync(FourSeconds()));

        Assert.Null(refused.RoomAt);
        Assert.Contains("never fit", refused.Message);
        Assert.Equal(0, Posts(server));
    }

    [Fact]
    public async Task A_job_over_the_budget_uploads_nothing_and_a_failed_upload_gives_its_reservation_back()
    {
        var uploads = 0;
        await using var server = new ScriptedHttpServer(request => request.Path == "/v3/files"
            ? Interlocked.Increment(ref uploads) == 1
                ? ScriptedReply.Json(500, """{"error":{"code":"internal_error","message":"storage down"}}""")
                : ScriptedReply.Json(200, """{"id":"file_1","object":"file","bytes":68,"mime_type":"image/png"}""")
            : ScriptedReply.Json(202, """{"id":"gen_1","status":"processing"}"""));
        using var client = Client(server.BaseAddress, limit: 0.20m); // one 4-second xAI clip: 4 s × 0.05/s
        VideoRequest FourSecondsOfXai(MediaInput image) => new("xai/grok-imagine-video", "the cat walks") { Image = image, Parameters = { ["duration"] = 4 } };
        var png = MediaInput.FromBytes(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));

        var tooDear = await Assert.ThrowsAsync<OpperBudgetExceededException>(() => client.StartGenerationAsync(
            new VideoRequest("xai/grok-imagine-video", "the cat walks") { Image = png, Parameters = { ["duration"] = 8 } }));
        Assert.Empty(server.Requests); // refused before its image was uploaded: uploads count against the storage quota

        await Assert.ThrowsAsync<OpperApiException>(() => client.StartGenerationAsync(FourSecondsOfXai(png))); // the upload fails: no POST
        await client.StartGenerationAsync(FourSecondsOfXai(png)); // fits: the failed one's reservation was given back

        Assert.Equal(0.40m, tooDear.Cost);
        Assert.Equal(2, server.Requests.Count(r => r.Path == "/v3/files"));
        Assert.Equal(1, server.Requests.Count(r => r.Method == "POST" && r.Path == "/v3/videos"));
    }

    [Fact]
    public async Task Concurrent_submissions_never_pass_the_limit_together()
    {
        await using var server = Accepting();
        using var client = Client(server.BaseAddress, limit: 1.80m);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                await client.SubmitAsync(FourSeconds());
                return true;
            }
            catch (OpperBudgetExceededException)
            {
                return false;
            }
        })));

        Assert.Equal(3, attempts.Count(sent => sent));
        Assert.Equal(3, Posts(server));
        // Each POST was read whole (HttpClient sends it chunked), so none left bytes behind on a reused connection.
        Assert.All(server.Requests, post => Assert.Contains("\"prompt\":\"a cat\"", post.Body));
    }

    [Fact]
    public async Task A_model_without_a_price_is_refused_unless_the_budget_prices_it()
    {
        await using var server = Accepting();
        using var unpriced = Client(server.BaseAddress, limit: 5m);
        using var priced = Client(server.BaseAddress, limit: 5m, prices: budget => budget.PricePerGeneration["acme/clip-1"] = 0.25m);

        var refused = await Assert.ThrowsAsync<OpperBudgetExceededException>(() => unpriced.SubmitAsync(new VideoRequest("acme/clip-1", "a cat")));
        Assert.Equal(0, Posts(server));
        Assert.Null(refused.Cost);
        Assert.Contains("PricePerGeneration[\"acme/clip-1\"]", refused.Message);

        await priced.SubmitAsync(new VideoRequest("acme/clip-1", "a cat"));
        Assert.Equal(1, Posts(server));
        Assert.Equal("0.25 USD (0.25/generation)", priced.EstimateCost(new VideoRequest("acme/clip-1", "a cat"))!.ToString());
    }

    [Fact]
    public async Task A_POST_that_never_left_gives_its_reservation_back()
    {
        using var client = Client(ClosedPort(), limit: 0.60m);

        // Exactly one job fits: were the first reservation kept, the second would be refused by the budget.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SubmitAsync(FourSeconds()));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SubmitAsync(FourSeconds()));
    }

    [Fact]
    public async Task A_refused_POST_gives_its_reservation_back()
    {
        var answers = 0;
        await using var server = new ScriptedHttpServer(_ => Interlocked.Increment(ref answers) == 1
            ? ScriptedReply.Json(402, """{"error":{"code":"insufficient_funds","message":"wallet empty"}}""")
            : ScriptedReply.Json(202, """{"id":"gen_2","status":"processing"}"""));
        using var client = Client(server.BaseAddress, limit: 0.60m);

        await Assert.ThrowsAsync<OpperApiException>(() => client.SubmitAsync(FourSeconds()));
        var job = await client.SubmitAsync(FourSeconds());

        Assert.Equal("gen_2", job.Id);
    }

    [Fact]
    public async Task A_POST_whose_answer_was_lost_keeps_its_reservation_since_the_job_may_be_billed()
    {
        await using var server = new ScriptedHttpServer(_ => ScriptedReply.Reset);
        using var client = Client(server.BaseAddress, limit: 1.00m);

        await Assert.ThrowsAsync<VideoSubmissionUncertainException>(() => client.SubmitAsync(FourSeconds()));
        await Eventually.TrueAsync(() => Posts(server) == 1);
        var refused = await Assert.ThrowsAsync<OpperBudgetExceededException>(() => client.SubmitAsync(FourSeconds()));

        Assert.Equal(0.60m, refused.Spent);
        Assert.Equal(1, Posts(server));
    }

    [Fact]
    public void The_budget_is_checked_when_the_client_is_made_naming_each_setting()
    {
        var budget = new VideoBudget { Limit = 0, Window = TimeSpan.Zero };
        budget.PricePerSecond["acme/clip-1"] = -1;

        var error = Assert.Throws<InvalidOperationException>(() => new OpperVideoClient(new OpperVideoClientOptions { ApiKey = "k", Budget = budget }));

        Assert.Contains("Budget.Limit must be more than zero", error.Message);
        Assert.Contains("Budget.Window must be more than zero", error.Message);
        Assert.Contains("Budget.PricePerSecond[\"acme/clip-1\"] must not be negative", error.Message);
    }

    /// <summary>A loopback port nothing listens on: the connection is refused before a byte is sent.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
