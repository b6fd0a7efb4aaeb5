using Opper.Typed.Analyzers.Tests.Support;
using Opper.Typed.CodeFixes;

namespace Opper.Typed.Analyzers.Tests;

public sealed class CodeFixTests
{
    [Theory]
    [InlineData("OPPER003", """new VideoRequest("xai/grok-imagine-vid", "p")""", """new VideoRequest("xai/grok-imagine-video", "p")""")]
    [InlineData("OPPER005", """new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["duration_seconds"] = 4 } }""", """new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = 4 } }""")]
    public async Task Suggestions_replace_the_literal(string id, string before, string after) =>
        Assert.Equal(AnalyzerHarness.Wrap(after), await CodeFixHarness.ApplyAsync(new UseSuggestionCodeFix(), AnalyzerHarness.Wrap(before), id));

    [Theory]
    [InlineData("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = 4 } }""", """new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = "4" } }""")]
    [InlineData("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = "8" } }""", """new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = 8 } }""")]
    [InlineData("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["generateAudio"] = "false" } }""", """new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["generateAudio"] = false } }""")]
    public async Task Wrong_json_types_are_converted(string before, string after) =>
        Assert.Equal(AnalyzerHarness.Wrap(after), await CodeFixHarness.ApplyAsync(new ConvertJsonTypeCodeFix(), AnalyzerHarness.Wrap(before), "OPPER006"));

    [Fact]
    public async Task A_value_with_no_form_in_the_expected_type_gets_no_fix() =>
        Assert.Null(await CodeFixHarness.ApplyAsync(new ConvertJsonTypeCodeFix(),
            AnalyzerHarness.Wrap("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = "eight" } }"""), "OPPER006"));

    [Fact]
    public async Task A_literal_key_is_replaced_with_the_environment_lookup()
    {
        var after = await CodeFixHarness.ApplyAsync(new ApiKeyFromEnvironmentCodeFix(),
            AnalyzerHarness.Wrap("""new OpperVideoClientOptions { ApiKey = "op-live-123" }"""), "OPPER009");

        Assert.Equal(AnalyzerHarness.Wrap("""new OpperVideoClientOptions { ApiKey = System.Environment.GetEnvironmentVariable("OPPER_API_KEY") }"""), after);
    }
}
