using System.Text.Json.Nodes;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Wire;

/// <summary>The seed's four examples written with the generated classes put exactly the seed's JSON on the wire.</summary>
public sealed class TypedWireTests
{
    public static TheoryData<string, string> SeedExamples => new()
    {
        { nameof(GrokImagineVideoRequest), """{"duration":6,"aspect_ratio":"16:9","resolution":"720p"}""" },
        { nameof(WanT2vRequest), """{"resolution":"720p","aspect_ratio":"16:9"}""" },
        { nameof(Veo31FastGenerate001Request), """{"durationSeconds":4,"resolution":"720p","generateAudio":false}""" },
    };

    [Theory]
    [MemberData(nameof(SeedExamples))]
    public async Task Typed_seed_examples_put_the_seed_json_on_the_wire(string className, string expected)
    {
        IVideoRequest request = className switch
        {
            nameof(GrokImagineVideoRequest) => new GrokImagineVideoRequest("a cat")
            { Duration = 6, AspectRatio = GrokImagineVideoAspectRatio.AspectRatio16x9, Resolution = GrokImagineVideoResolution.Resolution720p },
            nameof(WanT2vRequest) => new WanT2vRequest("a cat") { Resolution = WanT2vResolution.Resolution720p, AspectRatio = WanT2vAspectRatio.AspectRatio16x9 },
            _ => new Veo31FastGenerate001Request("a cat")
            { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, Resolution = Veo31FastGenerate001Resolution.Resolution720p, GenerateAudio = false },
        };
        await using var fx = await EmulatorFixture.StartAsync();

        await fx.Client.GenerateToFileAsync(request, fx.PathOf("clip.mp4"));

        var body = JsonNode.Parse(Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).Body)!;
        Assert.Equal(expected, body["parameters"]!.ToJsonString());
        Assert.Equal(request.Model, (string?)body["model"]);
    }

#pragma warning disable CS0618 // Sora2Request is [Obsolete] (OpenAI shut Sora down); its body is still built, never sent
    [Fact]
    public void The_seeds_sora_example_still_builds_the_seed_json_though_the_model_is_retired()
    {
        var wire = new Sora2Request("a hot air balloon") { Seconds = Sora2Seconds.Seconds4, Size = Sora2Size.Size1280x720 }.ToWireRequest();

        Assert.Equal("""{"seconds":"4","size":"1280x720"}""", new JsonObject(wire.Parameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString()); // "4" a string, as Sora's dialect says
    }
#pragma warning restore CS0618

    [Fact]
    public async Task An_enum_value_no_member_has_is_refused_before_sending_naming_the_property_and_the_accepted_values()
    {
        var request = new Veo31FastGenerate001Request("a cat") { DurationSeconds = (Veo31FastGenerate001DurationSeconds)5 };   // compiles: an enum takes any number
        await using var emulator = await OpperEmulator.StartAsync();
        var options = emulator.CreateClientOptions();
        options.ValidateRequests = false;   // refused by the wire form itself, not only by the rules
        using var client = new OpperVideoClient(options);

        var error = await Assert.ThrowsAsync<OpperValidationException>(() => client.StartGenerationAsync(request));

        Assert.Equal(Veo31FastGenerate001Request.ModelId, error.Model);
        Assert.Equal("parameters.durationSeconds", error.Field);
        Assert.Equal("vertexai/veo-3.1-fast-generate-001: 'parameters.durationSeconds' is DurationSeconds = (Veo31FastGenerate001DurationSeconds)5, not a member of Veo31FastGenerate001DurationSeconds. Use Veo31FastGenerate001DurationSeconds.DurationSeconds4, Veo31FastGenerate001DurationSeconds.DurationSeconds6 or Veo31FastGenerate001DurationSeconds.DurationSeconds8 (sent as 4, 6, 8).", error.Message);
        Assert.Equal([error.Message], VideoRequestValidator.FindProblems(request).Select(p => p.Message));
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public void An_unset_property_is_not_sent()
    {
        var wire = new Veo31FastGenerate001Request("a cat") { GenerateAudio = true }.ToWireRequest();

        Assert.Equal(["generateAudio"], wire.Parameters.Keys);
        Assert.Null(wire.Image);
        Assert.Null(wire.Store);
    }

    [Fact]
    public void A_data_uri_image_goes_out_as_image()
    {
        var image = MediaInput.FromBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);

        var wire = new Veo31Generate001Request("a cat") { Image = image }.ToWireRequest();

        Assert.Equal(image.Value, wire.Image);
    }

    [Fact]
    public void Generated_catalog_is_the_assemblys_own_and_joins_the_process_default()
    {
        Assert.True(VideoModelCatalog.Default.TryGet(Veo31FastGenerate001Request.ModelId, out var veo));
        Assert.Same(OpperVideoModels.Veo31FastGenerate001, veo); // the emulator ships no generated models of its own
        Assert.True(OpperVideoModels.Catalog.TryGet(Veo31FastGenerate001Request.ModelId, out var local));
        Assert.Same(veo, local);
        Assert.Same(OpperVideoModels.Veo31FastGenerate001, ((IVideoRequest)new Veo31FastGenerate001Request("p")).ModelSpec);
        Assert.Equal(10, OpperVideoModels.Catalog.Models.Count); // retired models stay in the catalog, so OPPER011 can name them
        var sora = OpperVideoModels.Sora2;
        Assert.Equal("2026-09-24", sora.RetiredAt);
        Assert.Equal(["\"4\"", "\"8\"", "\"12\""], sora.FindParameter("seconds")!.AllowedValues.Select(v => v.JsonText));
        Assert.Equal(["Seconds4", "Seconds8", "Seconds12"], sora.FindParameter("seconds")!.AllowedValues.Select(v => v.MemberName));
        Assert.True(OpperVideoModels.Catalog.TryGet("xai/grok-imagine-video", out var grok));
        Assert.Equal((1d, 15d), (grok.FindParameter("duration")!.Minimum!.Value, grok.FindParameter("duration")!.Maximum!.Value));
        Assert.Equal([MediaSourceKind.DataUri, MediaSourceKind.GcsUri, MediaSourceKind.FileId], OpperVideoModels.Veo31Generate001.AcceptedMedia);
    }

    [Fact]
    public void A_catalog_read_at_run_time_equals_the_generated_one()
    {
        var parsed = VideoModelCatalog.Parse(File.ReadAllText(Opper.Typed.Testing.RepositoryPaths.Schema("videos-models.json")), File.ReadAllText(Opper.Typed.Testing.RepositoryPaths.Schema("video-parameters.json")));

        Assert.Equal(OpperVideoModels.Catalog.Models, parsed.Models);
    }
}
