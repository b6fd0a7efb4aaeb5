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
        var request = new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, AdditionalParameters = { ["new_knob"] = 1 } };
        // The provider has moved on: the emulator serves a newer dialect in which Veo takes new_knob; this build's snapshot does not know it.
        await using var fx = await EmulatorFixture.StartAsync(emulator => emulator.Models = NewerVeo("new_knob"));

        await fx.Client.GenerateToFileAsync(request, fx.PathOf("clip.mp4"));

        var body = JsonNode.Parse(Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).Body)!;
        Assert.Equal("""{"durationSeconds":4,"new_knob":1}""", body["parameters"]!.ToJsonString());
        var notice = Assert.Single(VideoRequestValidator.FindNotices(request));
        Assert.Equal(("OPPER013", "parameters.new_knob", Microsoft.Extensions.Logging.LogLevel.Debug), (notice.RuleId, notice.Field, notice.Level));
        Assert.Empty(VideoRequestValidator.FindProblems(request));
    }

    [Fact]
    public void A_key_with_a_typed_property_is_sent_and_warned_about_and_its_value_still_checked()
    {
        var allowed = new Veo31FastGenerate001Request("a cat") { AdditionalParameters = { ["resolution"] = "720p" } };
        var wrongType = new GrokImagineVideoRequest("a cat") { AdditionalParameters = { ["duration"] = "6" } };

        Assert.Equal("\"720p\"", allowed.ToWireRequest().Parameters["resolution"]!.ToJsonString());
        Assert.Empty(VideoRequestValidator.FindProblems(allowed));
        Assert.Equal(("OPPER012", Microsoft.Extensions.Logging.LogLevel.Warning), Assert.Single(VideoRequestValidator.FindNotices(allowed)) is var n ? (n.RuleId, n.Level) : default);
        Assert.Equal("OPPER006", Assert.Single(VideoRequestValidator.FindProblems(wrongType)).RuleId);
    }

    [Fact]
    public async Task A_provider_that_does_not_take_the_key_refuses_it_as_the_api_would()
    {
        var request = new Veo31FastGenerate001Request("a cat") { AdditionalParameters = { ["new_knob"] = 1 } };
        await using var fx = await EmulatorFixture.StartAsync();

        // A provider that really does not take the key refuses it, as Vertex AI would: the client sent it, unchecked.
        var refused = await Assert.ThrowsAsync<OpperApiException>(() => fx.Client.SubmitAsync(request));

        Assert.Equal(400, (int)refused.Status);
        Assert.Contains("new_knob", JsonNode.Parse(Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).Body)!["parameters"]!.ToJsonString());
    }

    [Fact]
    public void A_with_copy_owns_its_additional_parameters_and_equality_compares_their_json()
    {
        var original = new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, AdditionalParameters = { ["new_knob"] = 1 } };

        var copy = original with { Resolution = Veo31FastGenerate001Resolution.Resolution720p };
        copy.AdditionalParameters["new_knob"] = 2;

        Assert.Equal("1", original.AdditionalParameters["new_knob"]!.ToJsonString());
        Assert.Equal(Veo31FastGenerate001Resolution.Resolution720p, copy.Resolution);
        Assert.Equal(original, original with { });
        Assert.NotEqual(original, copy with { Resolution = null });
        Assert.Equal("Veo31FastGenerate001Request vertexai/veo-3.1-fast-generate-001", original.ToString());
    }

    /// <summary>The checked-in snapshot read with a parameters file in which Veo also takes <paramref name="key"/>.</summary>
    private static VideoModelCatalog NewerVeo(string key)
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Opper.Typed.Testing.RepositoryPaths.Schema("video-parameters.json")))!.AsObject();
        parameters["providers"]!["vertexai"]!["parameters"]!.AsArray().Add(JsonNode.Parse($$"""{ "name": "{{key}}", "type": "integer" }"""));
        return VideoModelCatalog.Parse(File.ReadAllText(Opper.Typed.Testing.RepositoryPaths.Schema("videos-models.json")), parameters.ToJsonString());
    }
}
