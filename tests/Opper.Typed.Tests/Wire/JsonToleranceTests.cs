using System.Text.Json;
using Opper.Typed.Testing;

namespace Opper.Typed.Tests.Wire;

/// <summary>The API may add fields and states; none of that may break a client already deployed.</summary>
public sealed class JsonToleranceTests
{
    [Fact]
    public void Status_with_unknown_fields_an_unknown_state_and_an_object_error_deserializes()
    {
        var status = JsonSerializer.Deserialize("""
            {"id":"gen_1","status":"queued_for_upscale","eta_seconds":12,"nested":{"a":[1,2]},
             "error":{"message":"prompt flagged","code":"moderation"},"provider":"openai","model":"openai/sora-2"}
            """, OpperJsonContext.Default.VideoStatus)!;

        Assert.Equal(VideoJobState.Processing, status.State);
        Assert.Equal("queued_for_upscale", status.Status);
        Assert.StartsWith("prompt flagged (", status.Error);
        Assert.Contains("\"code\":\"moderation\"", status.Error);
    }

    [Theory]
    [InlineData("completed", VideoJobState.Completed)]
    [InlineData("Failed", VideoJobState.Failed)]
    [InlineData("processing", VideoJobState.Processing)]
    [InlineData("", VideoJobState.Processing)]
    public void State_is_derived_from_the_status_string(string text, VideoJobState state) =>
        Assert.Equal(state, new VideoStatus { Status = text }.State);

    [Fact]
    public void Catalog_keeps_unknown_fields_and_tolerates_numeric_ratings()
    {
        var list = JsonSerializer.Deserialize("""
            {"models":[{"id":"fal/new-model","type":"video","provider":"fal","capabilities":["video_generation","audio_to_video"],
              "speed":3,"quality":"high","cost":null,"context_window":0,"brand_new_field":{"x":1},
              "pricing":{"price_per_second":0.2,"price_per_4k_second":0.5},
              "params":{"video":{"max_duration":7.5,"new_limit":3},"audio":{}}}],
             "total":1,"offset":0,"limit":100,"next_cursor":"abc"}
            """, OpperJsonContext.Default.VideoModelList)!;

        var model = Assert.Single(list.Models);
        Assert.Equal("3", model.Speed);
        Assert.Equal(7.5, model.Params!.Video!.MaxDuration);
        Assert.True(model.AdditionalProperties!.ContainsKey("brand_new_field"));
        Assert.True(model.Pricing!.AdditionalProperties!.ContainsKey("price_per_4k_second"));
        Assert.True(model.Params.AdditionalProperties!.ContainsKey("audio"));
        Assert.False(model.SupportsImageInput);
    }

    [Fact]
    public void The_checked_in_snapshot_deserializes_completely()
    {
        var path = RepositoryPaths.Schema("videos-models.json");
        var list = JsonSerializer.Deserialize(File.ReadAllText(path), OpperJsonContext.Default.VideoModelList)!;

        // The snapshot is the models as served, without the paging fields of the page that fetched them.
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["models"]!.AsArray().Count, list.Models.Count);
        Assert.All(list.Models, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.Id));
            Assert.Equal("video", m.Type);
            Assert.NotEmpty(m.Capabilities);
            Assert.NotNull(m.Params?.Video);
        });
        foreach (var id in new[] { "openai/sora-2", "openai/sora-2-pro", "vertexai/veo-3.1-generate-001", "vertexai/veo-3.1-fast-generate-001", "xai/grok-imagine-video", "pruna/wan-t2v", "pruna/wan-i2v", "pruna/vace" })
        {
            Assert.Contains(list.Models, m => m.Id == id);
        }
    }
}
