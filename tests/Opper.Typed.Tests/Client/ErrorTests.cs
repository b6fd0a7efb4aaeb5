using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

public sealed class ErrorTests
{
    private const string SecretKey = "op-live-SECRET-0123456789abcdef";

    [Fact]
    public async Task A_wrong_key_is_a_401_whose_message_names_the_variable_and_never_the_key()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.ApiKey = "the-right-key", c => c.ApiKey = SecretKey);

        var error = await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.SubmitAsync(LiveModel.Request()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("unauthorized", error.ErrorCode);
        Assert.Contains("OPPER_API_KEY", error.Message);
        Assert.DoesNotContain(SecretKey, error.ToString());
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, "wallet is empty")]
    [InlineData(HttpStatusCode.NotFound, "model id")]
    [InlineData(HttpStatusCode.BadRequest, "parameter keys and types")]
    [InlineData(HttpStatusCode.InternalServerError, "poll it by id")]
    public void Each_status_maps_to_an_actionable_hint(HttpStatusCode status, string hint)
    {
        var error = ApiErrorMapper.Map(status, """{"error":{"code":"some_code","message":"Server says no.","details":{"field":"x"}}}""", headers: null, jobId: "gen_1");

        Assert.Equal(status, error.Status);
        Assert.Equal("some_code", error.ErrorCode);
        Assert.Equal("Server says no.", error.ServerMessage);
        Assert.Equal("x", error.Details?.GetProperty("field").GetString());
        Assert.Contains(hint, error.Hint);
        Assert.Equal($"Opper API returned {(int)status} {status} (some_code): Server says no [job gen_1]. {error.Hint}", error.Message);
    }

    [Fact]
    public void A_non_json_error_body_keeps_its_first_line()
    {
        var error = ApiErrorMapper.Map(HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>\n<body>…</body>", headers: null);

        Assert.Null(error.ErrorCode);
        Assert.Equal("<html>502 Bad Gateway</html>", error.ServerMessage);
    }

    [Fact]
    public async Task The_key_appears_in_no_exception_and_no_log_line_across_a_run_full_of_faults()
    {
        var log = new StringBuilder();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new StringLoggerProvider(log)));
        await using var fx = await EmulatorFixture.StartAsync(
            e => { e.ApiKey = SecretKey; e.Faults.RateLimitFirstGets = 1; e.Faults.RetryAfter = TimeSpan.Zero; e.Faults.FirstUrlExpired = true; e.FailJobs = false; },
            c => { c.ApiKey = SecretKey; c.LoggerFactory = loggerFactory; });
        var texts = new List<string> { fx.Client.ToString()!, new OpperVideoClientOptions { ApiKey = SecretKey }.ToString() };

        await fx.Client.GenerateToFileAsync(LiveModel.Request(), fx.PathOf("clip.mp4"));
        texts.Add((await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.GetStatusAsync("gen_missing"))).ToString());
        texts.Add((await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.SubmitAsync(new VideoRequest("nope/model", "x")))).ToString());
        texts.Add((await Assert.ThrowsAsync<OpperValidationException>(() => fx.Client.SubmitAsync(new VideoRequest(LiveModel.Id, "x") { Image = "cat.png" }))).ToString());
        texts.Add(log.ToString());

        Assert.Contains("Submitted video job", log.ToString());
        Assert.All(texts, text => Assert.DoesNotContain(SecretKey, text));
    }

    [Fact]
    public async Task Provider_rejections_from_the_emulator_arrive_as_api_exceptions_with_the_v3_code()
    {
        // Client-side validation off: this is what a request that slipped past it meets at the server.
        await using var fx = await EmulatorFixture.StartAsync(client: c => c.ValidateRequests = false);
        async Task<OpperApiException> Reject(VideoRequest request) => await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.SubmitAsync(request));

        var unknownModel = await Reject(new VideoRequest("openai/sora-9", "a cat"));
        var durationAsString = await Reject(new VideoRequest(LiveModel.Id, "a cat") { Parameters = { ["durationSeconds"] = "4" } });
        var wrongKey = await Reject(new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Parameters = { ["duration_seconds"] = 4 } });
        var httpForVeo = await Reject(new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Image = "https://example.com/cat.jpg" });
        var dataUriForPruna = await Reject(new VideoRequest("pruna/wan-i2v", "a cat") { Image = "data:image/png;base64,iVBORw0KGgo=" });
        var imageOnTextOnly = await Reject(new VideoRequest("pruna/wan-t2v", "a cat") { Image = "https://example.com/cat.jpg" });
        var durationOutOfRange = await Reject(new VideoRequest("xai/grok-imagine-video", "a cat") { Parameters = { ["duration"] = 30 } });

        Assert.Equal((HttpStatusCode.NotFound, "model_not_found"), (unknownModel.Status, unknownModel.ErrorCode));
        Assert.Contains("must be a JSON number; got \"4\"", durationAsString.Message);
        Assert.Contains("'parameters.duration_seconds' is not a parameter of vertexai/veo-3.1-generate-001", wrongKey.Message);
        Assert.Contains("Did you mean 'durationSeconds'?", wrongKey.Message);
        Assert.Equal("invalid_media", httpForVeo.ErrorCode);
        Assert.Contains("a base64 data-URI or a gs:// URI or an Opper file id (file_…); got an http(s) URL", httpForVeo.Message);
        Assert.Contains("a public http(s) URL or an Opper file id (file_…); got a data-URI", dataUriForPruna.Message);
        Assert.Equal("unsupported_input", imageOnTextOnly.ErrorCode);
        Assert.Contains("from 1 to 15; got 30", durationOutOfRange.Message);
        Assert.Equal(7, fx.Requests(EmulatorHost.Api, "POST").Count);
    }

    [Fact]
    public async Task A_request_that_cannot_succeed_is_refused_before_anything_is_sent()
    {
        await using var fx = await EmulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<OpperValidationException>(() =>
            fx.Client.SubmitAsync(new VideoRequest(LiveModel.Id, "a cat") { Image = "./cat.png" }));

        Assert.Equal((LiveModel.Id, "image"), (error.Model, error.Field));
        Assert.Contains("MediaInput.FromFile", error.Fix);
        Assert.Empty(fx.Emulator.Requests);
    }

    [Fact]
    public async Task Validation_can_be_turned_off_to_let_the_server_decide()
    {
        await using var fx = await EmulatorFixture.StartAsync(client: c => c.ValidateRequests = false);

        var error = await Assert.ThrowsAsync<OpperApiException>(() =>
            fx.Client.SubmitAsync(new VideoRequest(LiveModel.Id, "a cat") { Image = "./cat.png" }));

        Assert.Equal("invalid_media", error.ErrorCode);
    }

    private sealed class StringLoggerProvider(StringBuilder sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink);

        public void Dispose()
        {
        }

        private sealed class Logger(StringBuilder sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (sink)
                {
                    sink.AppendLine(formatter(state, exception)).AppendLine(exception?.ToString());
                }
            }
        }
    }
}
