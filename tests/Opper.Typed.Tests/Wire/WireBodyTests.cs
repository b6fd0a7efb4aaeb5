using System.Text.Json.Nodes;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Wire;

/// <summary>The seed's four examples must reach the wire byte-for-byte in their JSON types: "4" stays a string, 4 a number, false a bool.</summary>
public sealed class WireBodyTests
{
    public static TheoryData<string, string> SeedExamples => new()
    {
        { "openai/sora-2", """{"seconds":"4","size":"1280x720"}""" },
        { "xai/grok-imagine-video", """{"duration":6,"aspect_ratio":"16:9","resolution":"720p"}""" },
        { "pruna/wan-t2v", """{"resolution":"720p","aspect_ratio":"16:9"}""" },
        { "vertexai/veo-3.1-fast-generate-001", """{"durationSeconds":4,"resolution":"720p","generateAudio":false}""" },
    };

    [Theory]
    [MemberData(nameof(SeedExamples))]
    public async Task Seed_parameters_reach_the_wire_exactly(string model, string parametersJson)
    {
        // The seed's Sora example is its string "4": kept, with the catalog in which Sora is not retired.
        await using var fx = await EmulatorFixture.StartAsync(e => e.Models = UnretiredSora.Catalog, c => c.Models = UnretiredSora.Catalog);
        var request = new VideoRequest(model, "a hot air balloon drifting over green hills at dawn");
        foreach (var (key, value) in JsonNode.Parse(parametersJson)!.AsObject())
        {
            request.Parameters[key] = value?.DeepClone();
        }

        await fx.Client.SubmitAsync(request);

        var body = JsonNode.Parse(Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).Body)!.AsObject();
        Assert.Equal(parametersJson, body["parameters"]!.ToJsonString());
        Assert.Equal(model, (string?)body["model"]);
        Assert.Equal(["model", "prompt", "parameters"], body.Select(p => p.Key));
    }

    [Fact]
    public async Task Typed_literals_keep_their_json_types_through_the_dictionary()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var request = new VideoRequest("xai/grok-imagine-video", "a cat")
        {
            Image = "https://example.com/cat.jpg",
            Parameters = { ["duration"] = 6, ["aspect_ratio"] = "16:9" },
        };

        await fx.Client.SubmitAsync(request);

        var body = Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).Body;
        Assert.Equal("""{"model":"xai/grok-imagine-video","prompt":"a cat","image":"https://example.com/cat.jpg","parameters":{"duration":6,"aspect_ratio":"16:9"}}""", body);
    }

    [Fact]
    public void Wire_request_is_a_snapshot_that_later_edits_do_not_change()
    {
        var request = new VideoRequest("openai/sora-2", "a cat") { Parameters = { ["seconds"] = "4" } };
        var wire = request.ToWireRequest();

        request.Parameters["seconds"] = "8";
        request.ReferenceImages.Add("https://example.com/a.png");

        Assert.Equal("4", (string?)wire.Parameters["seconds"]);
        Assert.Null(wire.ReferenceImages);
    }
}
