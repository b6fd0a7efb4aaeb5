using System.Text.Json.Nodes;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Emulator;

/// <summary>The emulator's clip lasts what the request asked for, in each provider's word for it, at the asked frame size.</summary>
public sealed class ClipDurationTests
{
    public static TheoryData<string, string, JsonNode, double> Asks => new()
    {
        { "openai/sora-2", "seconds", "8", 8 },
        { "openai/sora-2", "seconds", "12", 12 },
        { "vertexai/veo-3.1-generate-001", "durationSeconds", 6, 6 },
        { "xai/grok-imagine-video", "duration", 10, 10 },
    };

    [Theory]
    [MemberData(nameof(Asks))]
    public async Task A_clip_plays_for_the_seconds_asked(string model, string parameter, JsonNode value, double seconds)
    {
        // Sora's rows are the only duration sent as a string: they need the catalog in which Sora is not retired.
        await using var fx = await EmulatorFixture.StartAsync(e => e.Models = UnretiredSora.Catalog, c => c.Models = UnretiredSora.Catalog);
        var request = new VideoRequest(model, "a cat") { Parameters = { [parameter] = value.DeepClone() } };

        await fx.Client.GenerateToFileAsync(request, fx.PathOf("clip.mp4"));

        var clip = await File.ReadAllBytesAsync(fx.PathOf("clip.mp4"));
        Assert.Equal(seconds, Mp4Probe.PlayedSeconds(clip), precision: 2);
        Assert.Equal(seconds, Mp4Probe.StatedSeconds(clip), precision: 2);
        Assert.Equal((1280, 720), Mp4Probe.FrameSize(clip)); // the stretch keeps every other box as it was
    }

    public static TheoryData<string, double> Defaults => new()
    {
        { "openai/sora-2", 4 },
        { "vertexai/veo-3.1-fast-generate-001", 8 },
        { "xai/grok-imagine-video", 8 },
        { "pruna/wan-t2v", 5 },
        { "alibaba:eu/happyhorse-1.0-t2v", 5 },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public async Task Without_a_duration_the_clip_plays_for_the_providers_default(string model, double seconds)
    {
        // Sora's default is the one a string-duration dialect documents: its row needs the catalog in which Sora is live.
        await using var fx = await EmulatorFixture.StartAsync(e => e.Models = UnretiredSora.Catalog, c => c.Models = UnretiredSora.Catalog);

        await fx.Client.GenerateToFileAsync(new VideoRequest(model, "a cat"), fx.PathOf("clip.mp4"));

        Assert.Equal(seconds, Mp4Probe.PlayedSeconds(await File.ReadAllBytesAsync(fx.PathOf("clip.mp4"))), precision: 2);
    }

    [Fact]
    public async Task A_stretched_clip_is_the_same_size_as_another_length_of_it()
    {
        await using var fx = await EmulatorFixture.StartAsync();

        await fx.Client.GenerateToFileAsync(new VideoRequest(LiveModel.Id, "a cat") { Parameters = { ["resolution"] = "720p", ["aspectRatio"] = "9:16", ["durationSeconds"] = 4 } }, fx.PathOf("plain.mp4"));
        await fx.Client.GenerateToFileAsync(new VideoRequest(LiveModel.Id, "a cat") { Parameters = { ["resolution"] = "720p", ["aspectRatio"] = "9:16", ["durationSeconds"] = 8 } }, fx.PathOf("long.mp4"));

        var (plain, longer) = (await File.ReadAllBytesAsync(fx.PathOf("plain.mp4")), await File.ReadAllBytesAsync(fx.PathOf("long.mp4")));
        Assert.Equal(4.0, Mp4Probe.PlayedSeconds(plain), precision: 2);
        Assert.Equal(8.0, Mp4Probe.PlayedSeconds(longer), precision: 2);
        Assert.Equal(plain.Length, longer.Length);
        Assert.Equal((720, 1280), Mp4Probe.FrameSize(longer));
    }
}
