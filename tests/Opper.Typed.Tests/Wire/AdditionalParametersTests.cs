using System.Text.Json.Nodes;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Wire;

/// <summary>The typed escape hatch: a parameter newer than the snapshot is sent from a typed class, never refused.</summary>
public sealed class AdditionalParametersTests
{
    [Fact]
    public async Task An_unknown_key_passes_validation_and_goes_on_the_wire_after_the_typed_properties()
    {
        var request = new Sora2Request("a cat") { Seconds = Sora2Seconds.Seconds4, AdditionalParameters = { ["new_knob"] = 1 } };
        // The provider has moved on: the emulator serves a newer dialect in which Sora takes new_knob; this build's snapshot does not know it.
        await using var fx = await EmulatorFixture.StartAsync(emulator => emulator.Models = NewerSora("new_knob"));

        await fx.Client.GenerateToFileAsync(request, fx.PathOf("clip.mp4"));

        var body = JsonNode.Parse(Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).Body)!;
        Assert.Equal("""{"seconds":"4","new_knob":1}""", body["parameters"]!.ToJsonString());
        var notice = Assert.Single(VideoRequestValidator.FindNotices(request));
        Assert.Equal(("OPPER013", "parameters.new_knob", Microsoft.Extensions.Logging.LogLevel.Debug), (notice.RuleId, notice.Field, notice.Level));
        Assert.Empty(VideoRequestValidator.FindProblems(request));
    }

    [Fact]
    public void A_key_with_a_typed_property_is_sent_and_warned_about_and_its_value_still_checked()
    {
        var allowed = new Sora2Request("a cat") { AdditionalParameters = { ["size"] = "1280x720" } };
        var wrongType = new GrokImagineVideoRequest("a cat") { AdditionalParameters = { ["duration"] = "6" } };

        Assert.Equal("\"1280x720\"", allowed.ToWireRequest().Parameters["size"]!.ToJsonString());
        Assert.Empty(VideoRequestValidator.FindProblems(allowed));
        Assert.Equal(("OPPER012", Microsoft.Extensions.Logging.LogLevel.Warning), Assert.Single(VideoRequestValidator.FindNotices(allowed)) is var n ? (n.RuleId, n.Level) : default);
        Assert.Equal("OPPER006", Assert.Single(VideoRequestValidator.FindProblems(wrongType)).RuleId);
    }

    [Fact]
    public async Task A_provider_that_does_not_take_the_key_refuses_it_as_the_api_would()
    {
        var request = new Sora2Request("a cat") { AdditionalParameters = { ["new_knob"] = 1 } };
        await using var fx = await EmulatorFixture.StartAsync();

        // A provider that really does not take the key refuses it, as Sora's API would: the client sent it, unchecked.
        var refused = await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.SubmitAsync(request));

        Assert.Equal(400, (int)refused.Status);
        Assert.Contains("new_knob", JsonNode.Parse(Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).Body)!["parameters"]!.ToJsonString());
    }

    [Fact]
    public void A_with_copy_owns_its_additional_parameters_and_equality_compares_their_json()
    {
        var original = new Sora2Request("a cat") { Seconds = Sora2Seconds.Seconds4, AdditionalParameters = { ["new_knob"] = 1 } };

        var copy = original with { Size = Sora2Size.Size1280x720 };
        copy.AdditionalParameters["new_knob"] = 2;

        Assert.Equal("1", original.AdditionalParameters["new_knob"]!.ToJsonString());
        Assert.Equal(Sora2Size.Size1280x720, copy.Size);
        Assert.Equal(original, original with { });
        Assert.NotEqual(original, copy with { Size = null });
        Assert.Equal("Sora2Request openai/sora-2", original.ToString());
    }

    /// <summary>The checked-in snapshot read with a parameters file in which Sora also takes <paramref name="key"/>.</summary>
    private static VideoModelCatalog NewerSora(string key)
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Opper.Typed.Testing.RepositoryPaths.Schema("video-parameters.json")))!.AsObject();
        parameters["providers"]!["openai"]!["parameters"]!.AsArray().Add(JsonNode.Parse($$"""{ "name": "{{key}}", "type": "integer" }"""));
        return VideoModelCatalog.Parse(File.ReadAllText(Opper.Typed.Testing.RepositoryPaths.Schema("videos-models.json")), parameters.ToJsonString());
    }
}
