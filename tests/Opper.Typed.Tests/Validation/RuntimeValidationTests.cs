using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Validation;

/// <summary>The seed's misuses, made at run time through the untyped request, are refused before anything is sent.</summary>
public sealed class RuntimeValidationTests
{
    public static TheoryData<string, VideoRequest, string, string> SeedMisuses => new()
    {
        { "http image to Veo", new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Image = "https://example.com/cat.jpg" }, "image", "must be a base64 data-URI or a gs:// URI or an Opper file id (file_…); got an http(s) URL" },
        { "data-URI to Pruna", new VideoRequest("pruna/wan-i2v", "a cat") { Image = "data:image/png;base64,iVBORw0KGgo=" }, "image", "must be a public http(s) URL or an Opper file id (file_…); got a data-URI" },
        { "seconds: 4 to Sora", new VideoRequest("openai/sora-2", "a cat") { Parameters = { ["seconds"] = 4 } }, "parameters.seconds", "must be a JSON string; got 4" },
        { "duration_seconds to Veo", new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Parameters = { ["duration_seconds"] = 4 } }, "parameters.duration_seconds", "is not a parameter of vertexai/veo-3.1-generate-001" },
        { "duration 30 to xAI", new VideoRequest("xai/grok-imagine-video", "a cat") { Parameters = { ["duration"] = 30 } }, "parameters.duration", "must be an integer from 1 to 15; got 30" },
        { "unknown size", new VideoRequest("openai/sora-2", "a cat") { Parameters = { ["size"] = "1920x1080" } }, "parameters.size", "must be one of \"1280x720\", \"720x1280\"; got \"1920x1080\"" },
        { "image on text-to-video", new VideoRequest("pruna/wan-t2v", "a cat") { Image = "https://example.com/cat.jpg" }, "image", "is not taken by pruna/wan-t2v" },
        { "video on Sora", new VideoRequest("openai/sora-2", "a cat") { Video = "https://example.com/in.mp4" }, "video", "is not taken by openai/sora-2" },
        { "loopback URL to xAI", new VideoRequest("xai/grok-imagine-video", "a cat") { Image = "http://127.0.0.1:8080/cat.jpg" }, "image", "is a loopback address" },
        { "gs:// to Sora", new VideoRequest("openai/sora-2", "a cat") { Image = "gs://bucket/cat.png" }, "image", "got a gs:// URI" },
        { "Sora image size differs", new VideoRequest("openai/sora-2", "a cat") { Image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAABAAAAAQACAIAAADwf7zU", Parameters = { ["size"] = "1280x720" } }, "image", "is 1024x1024 pixels, but openai/sora-2 needs it to equal size 1280x720" },
        { "Veo duration as string", new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat") { Parameters = { ["durationSeconds"] = "4" } }, "parameters.durationSeconds", "must be a JSON number; got \"4\"" },
    };

    [Theory]
    [MemberData(nameof(SeedMisuses))]
    public async Task A_misuse_throws_a_validation_exception_and_nothing_is_sent(string name, VideoRequest request, string field, string problem)
    {
        // Sora's rows test its dialect's rules, not its retirement (RetiredModelTests): a catalog in which it is not retired.
        await using var fx = await EmulatorFixture.StartAsync(client: c => c.Models = UnretiredSora.Catalog);

        var error = await Assert.ThrowsAsync<OpperValidationException>(() => fx.Client.SubmitAsync(request));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith(request.Model + ": ", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), name);
        Assert.Empty(fx.Emulator.Requests);
    }

    [Theory]
    [InlineData("30.0", "got 30.0")]
    [InlineData("3e1", "got 3e1")]
    [InlineData("30", "got 30")]
    public void A_number_parsed_from_json_is_shown_as_written(string json, string shown)
    {
        var request = new VideoRequest("xai/grok-imagine-video", "a cat") { Parameters = { ["duration"] = System.Text.Json.Nodes.JsonNode.Parse(json) } };

        var problem = Assert.Single(VideoRequestValidator.FindProblems(request));

        Assert.Equal("parameters.duration", problem.Field);
        Assert.EndsWith(shown, problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixes_say_what_to_do()
    {
        var wrongKey = Assert.Single(VideoRequestValidator.FindProblems(new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Parameters = { ["duration_seconds"] = 4 } }));
        var wrongType = Assert.Single(VideoRequestValidator.FindProblems(new VideoRequest("openai/sora-2", "a cat") { Parameters = { ["seconds"] = 4 } }, UnretiredSora.Catalog));
        var httpForVeo = Assert.Single(VideoRequestValidator.FindProblems(new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Image = "https://example.com/cat.jpg" }));

        Assert.StartsWith("Did you mean 'durationSeconds'?", wrongKey.Fix);
        Assert.Equal("Send it as a string: \"4\".", wrongType.Fix);
        Assert.Contains("MediaInput.FromFile", httpForVeo.Fix);
        Assert.Contains("gs://", httpForVeo.Fix);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var problems = VideoRequestValidator.FindProblems(new VideoRequest("openai/sora-2", "a cat")
        {
            Image = "gs://bucket/cat.png",
            Parameters = { ["seconds"] = 4, ["size"] = "1x1", ["fps"] = 24 },
        }, UnretiredSora.Catalog);

        Assert.Equal(["image", "parameters.fps", "parameters.seconds", "parameters.size"], problems.Select(p => p.Field).Order());
    }

    [Fact]
    public async Task Valid_requests_and_unknown_models_pass_to_the_server()
    {
        await using var fx = await EmulatorFixture.StartAsync();

        await fx.Client.SubmitAsync(new VideoRequest("xai/grok-imagine-video", "a cat") { Image = "https://example.com/cat.jpg", Parameters = { ["duration"] = 15 } });
        await fx.Client.SubmitAsync(new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Image = "gs://bucket/cat.png", Parameters = { ["durationSeconds"] = 8.0 } });
        var unknown = await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.SubmitAsync(new VideoRequest("kling/kling-3.0-pro", "a cat") { Parameters = { ["anything"] = 1 } }));

        Assert.Equal("model_not_found", unknown.ErrorCode);
        Assert.Equal(3, fx.Emulator.Requests.Count(r => r.Method == "POST"));
    }

    [Theory]
    [InlineData("http://localhost/cat.jpg", "a localhost URL")]
    [InlineData("http://10.1.2.3/cat.jpg", "a private network address")]
    [InlineData("http://192.168.1.10/cat.jpg", "a private network address")]
    [InlineData("http://172.20.0.1/cat.jpg", "a private network address")]
    [InlineData("http://169.254.169.254/latest", "a private network address")]
    [InlineData("http://[::1]/cat.jpg", "a loopback address")]
    [InlineData("http://[fd00::1]/cat.jpg", "a private network address")]
    [InlineData("http://printer.local/cat.jpg", "a host name of a private network")]
    [InlineData("http://intranet/cat.jpg", "a host name of a private network")]
    [InlineData("https://example.com/cat.jpg", null)]
    [InlineData("https://8.8.8.8/cat.jpg", null)]
    [InlineData("http://172.32.0.1/cat.jpg", null)]
    public void Public_url_detection(string url, string? reason) => Assert.Equal(reason, Opper.Typed.Core.Media.PublicUrl.WhyNotPublic(url));

    [Theory]
    [InlineData("duration_seconds", "durationSeconds")]
    [InlineData("aspect-ratio", "aspect_ratio")]
    [InlineData("resolutoin", "resolution")]
    [InlineData("colour_grading", null)]
    public void Did_you_mean(string typed, string? expected) =>
        Assert.Equal(expected, Opper.Typed.Core.Rules.Suggestions.Closest(typed, ["durationSeconds", "aspect_ratio", "resolution", "seed"]));
}
