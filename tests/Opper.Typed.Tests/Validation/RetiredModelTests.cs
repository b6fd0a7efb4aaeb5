using System.Text.Json.Nodes;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Validation;

/// <summary>
/// OpenAI shut Sora down on 2026-09-24 and the snapshot marks both Sora models retired: a request for one cannot succeed,
/// so the client refuses it before the paid POST (OPPER011), typed or untyped; with validation off it is sent and the
/// server has the last word.
/// </summary>
public sealed class RetiredModelTests
{
#pragma warning disable CS0618 // the [Obsolete] classes are the point: code that still uses them must meet OPPER011 at run time too
    public static TheoryData<string, IVideoRequest> RetiredRequests => new()
    {
        { "typed Sora 2", new Sora2Request("a cat") { Seconds = Sora2Seconds.Seconds4, Size = Sora2Size.Size1280x720 } },
        { "typed Sora 2 Pro", new Sora2ProRequest("a cat") },
        { "untyped Sora 2", new VideoRequest("openai/sora-2", "a cat") { Parameters = { ["seconds"] = "4" } } },
        { "untyped Sora 2 Pro", new VideoRequest("openai/sora-2-pro", "a cat") },
    };
#pragma warning restore CS0618

    [Theory]
    [MemberData(nameof(RetiredRequests))]
    public async Task A_retired_model_is_refused_naming_OPPER011_and_nothing_reaches_the_server(string name, IVideoRequest request)
    {
        await using var fx = await EmulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<OpperValidationException>(() => fx.Client.StartGenerationAsync(request));

        Assert.Equal("OPPER011", error.RuleId);
        Assert.Equal((request.Model, "model"), (error.Model, error.Field));
        Assert.Contains("was retired on 2026-09-24", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), name);
        Assert.Empty(fx.Emulator.Requests);
    }

    [Theory]
    [MemberData(nameof(RetiredRequests))]
    public async Task With_validation_off_a_retired_model_is_sent_and_the_server_decides(string name, IVideoRequest request)
    {
        await using var fx = await EmulatorFixture.StartAsync(client: c => c.ValidateRequests = false);

        var refused = await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.StartGenerationAsync(request));

        var sent = Assert.Single(fx.Requests(EmulatorHost.Api, "POST"));
        Assert.Equal(request.Model, (string?)JsonNode.Parse(sent.Body)!["model"]);
        Assert.Equal(400, (int)refused.Status);
        Assert.True(refused.ErrorCode == "model_retired", $"{name}: {refused.ErrorCode} {refused.Message}");
    }

    [Fact]
    public async Task A_live_model_with_the_same_ask_goes_through()
    {
        await using var fx = await EmulatorFixture.StartAsync();

        var operation = await fx.Client.StartGenerationAsync(new Veo31FastGenerate001Request("a cat")
        {
            DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
            Resolution = Veo31FastGenerate001Resolution.Resolution720p,
            AspectRatio = Veo31FastGenerate001AspectRatio.AspectRatio16x9,
        });

        Assert.StartsWith("gen_", operation.Id);
        Assert.Single(fx.Requests(EmulatorHost.Api, "POST"));
    }
}
