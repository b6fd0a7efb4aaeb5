using Opper.Typed.Core.Naming;

namespace Opper.Typed.Generator.Tests;

/// <summary>The public naming rules of the generated types (README, "Typed requests"), example by example.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("openai/sora-2", false, "Sora2Request")]
    [InlineData("openai/sora-2-pro", false, "Sora2ProRequest")]
    [InlineData("vertexai/veo-3.1-fast-generate-001", false, "Veo31FastGenerate001Request")]
    [InlineData("xai/grok-imagine-video", false, "GrokImagineVideoRequest")]
    [InlineData("pruna/wan-t2v", false, "WanT2vRequest")]
    [InlineData("pruna/vace", false, "VaceRequest")]
    [InlineData("alibaba:eu/happyhorse-1.0-t2v", false, "Happyhorse10T2vRequest")]
    [InlineData("pruna/wan-t2v", true, "PrunaWanT2vRequest")]
    [InlineData("alibaba:eu/wan-t2v", true, "AlibabaEuWanT2vRequest")]
    [InlineData("wan3.0", false, "Wan30Request")]
    [InlineData("fal/3d-motion", false, "Model3dMotionRequest")]
    public void Class_names(string id, bool withProvider, string expected) => Assert.Equal(expected, ClassNames.ClassName(id, withProvider));

    [Theory]
    [InlineData("seconds", "Seconds")]
    [InlineData("aspect_ratio", "AspectRatio")]
    [InlineData("durationSeconds", "DurationSeconds")]
    [InlineData("num_frames", "NumFrames")]
    public void Property_names(string wire, string expected) => Assert.Equal(expected, ClassNames.PropertyName(wire));

    [Theory]
    [InlineData("1280x720", "Size", "Size1280x720")]
    [InlineData("4", "Seconds", "Seconds4")]
    [InlineData("16:9", "AspectRatio", "AspectRatio16x9")]
    [InlineData("720p", "Resolution", "Resolution720p")]
    [InlineData("1.5", "Speed", "Speed1_5")]
    [InlineData("allow_adult", "PersonGeneration", "AllowAdult")]
    [InlineData("!!", "AspectRatio", null)]
    [InlineData("class", "Kind", "Class")]
    [InlineData("-", "Kind", null)]
    public void Enum_members(string value, string property, string? expected) => Assert.Equal(expected, ClassNames.EnumMemberName(value, property));
}
