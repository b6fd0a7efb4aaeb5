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

    [Theory]
    [InlineData("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = "4", ["size"] = "1280x720" } }""",
                """new Sora2Request("p") { Seconds = Sora2Seconds.Seconds4, Size = Sora2Size.Size1280x720 }""")]
    [InlineData("""new VideoRequest("xai/grok-imagine-video", "p") { Image = "https://example.com/cat.jpg", Parameters = { ["duration"] = 6, ["aspect_ratio"] = "16:9" } }""",
                """new GrokImagineVideoRequest("p") { Image = "https://example.com/cat.jpg", Duration = 6, AspectRatio = GrokImagineVideoAspectRatio.AspectRatio16x9 }""")]
    [InlineData("""new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Parameters = { ["durationSeconds"] = 4, ["generateAudio"] = false }, Store = true }""",
                """new Veo31FastGenerate001Request("p") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, GenerateAudio = false, Store = true }""")]
    [InlineData("""new VideoRequest("pruna/vace", "p")""", """new VaceRequest("p")""")]
    public async Task An_untyped_request_is_rewritten_as_its_typed_class(string before, string after)
    {
        var fixedSource = await CodeFixHarness.ApplyAsync(new UseTypedRequestCodeFix(), AnalyzerHarness.Wrap(before), "OPPER010");

        Assert.Equal(AnalyzerHarness.Wrap(after), fixedSource);
        Assert.Empty((await AnalyzerHarness.AnalyzeAsync(fixedSource!)).Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Info));
    }

    [Theory]
    [InlineData("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["size"] = "1920x1080" } }""")]   // no enum member for the value
    [InlineData("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = 4 } }""")]            // wrong JSON type
    [InlineData("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["fps"] = 24 } }""")]               // no such parameter
    [InlineData("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = System.Environment.MachineName } }""")]  // not constant
    [InlineData("""new VideoRequest("pruna/wan-t2v", "p") { Image = "https://example.com/cat.jpg" }""")]       // typed class has no Image
    [InlineData("""new VideoRequest("pruna/wan-t2v", "p") { Image = System.Environment.MachineName }""")]       // not constant, and still no Image there
    [InlineData("""new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["duration"] = 10.5 } }""")]  // a fraction into an int property: CS0266
    [InlineData("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = "4", ["seconds"] = "8" } }""")]  // a key written twice
    public async Task No_rewrite_is_offered_where_a_value_has_no_typed_form(string before) =>
        Assert.Null(await CodeFixHarness.ApplyAsync(new UseTypedRequestCodeFix(), AnalyzerHarness.Wrap(before), "OPPER010"));

    [Theory]
    [InlineData("""new Veo31Generate001Request("p") { Image = "https://example.com/cat.jpg" }""",
                """new Veo31Generate001Request("p") { Image = await MediaInput.DownloadAsDataUriAsync("https://example.com/cat.jpg") }""")]
    [InlineData("""new Veo31Generate001Request("p") { Image = MediaInput.FromUrl("https://example.com/cat.jpg") }""",
                """new Veo31Generate001Request("p") { Image = await MediaInput.DownloadAsDataUriAsync("https://example.com/cat.jpg") }""")]
    public async Task A_url_for_Veo_is_downloaded_and_inlined_in_async_code(string before, string after)
    {
        static string Async(string expression) => $$"""
            using Opper.Typed;
            class Use
            {
                async System.Threading.Tasks.Task<object> M() => {{expression}};
            }
            """;

        var fixedSource = await CodeFixHarness.ApplyAsync(new InlineMediaCodeFix(), Async(before), "OPPER001");

        Assert.Equal(Async(after), fixedSource);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedSource!));
    }

    [Theory]
    [InlineData("""new Veo31Generate001Request("p") { Image = "https://example.com/cat.jpg" }""")]   // not async: no await possible
    public async Task No_inline_fix_outside_async_code(string expression) =>
        Assert.Null(await CodeFixHarness.ApplyAsync(new InlineMediaCodeFix(), AnalyzerHarness.Wrap(expression), "OPPER001"));

    [Fact]
    public async Task No_inline_fix_for_a_provider_that_takes_no_data_uri()
    {
        const string Source = """
            using Opper.Typed;
            class Use
            {
                async System.Threading.Tasks.Task<object> M() => new WanI2vRequest("p") { Image = "gs://bucket/cat.png" };
            }
            """;

        Assert.Null(await CodeFixHarness.ApplyAsync(new InlineMediaCodeFix(), Source, "OPPER001"));
    }

    [Theory]
    [InlineData("    {\n        if", "\n        if")]  // the method's opening brace
    [InlineData("}\n    }\n}", "}\n}")]              // the method's closing brace
    public async Task The_api_key_fix_is_not_offered_on_a_file_with_a_deleted_brace(string brace, string without)
    {
        const string Source = """
            using Opper.Typed;
            class Use
            {
                public static OpperVideoClientOptions Options() => new() { ApiKey = "op-live-0123456789" };

                void M()
                {
                    if (Options().ApiKey is null) { System.Console.WriteLine("no key"); }
                }
            }
            """;
        var broken = Source.ReplaceLineEndings("\n").Replace(brace, without, StringComparison.Ordinal);
        Assert.NotEqual(Source.ReplaceLineEndings("\n"), broken);

        Assert.NotNull(await CodeFixHarness.ApplyAsync(new ApiKeyFromEnvironmentCodeFix(), Source, "OPPER009"));
        Assert.Null(await CodeFixHarness.ApplyAsync(new ApiKeyFromEnvironmentCodeFix(), broken, "OPPER009"));
    }

    /// <summary>The repository's misuse sample, which draws a warning with a fix for most rules, with one brace deleted.</summary>
    public static TheoryData<string> BrokenFiles()
    {
        var source = File.ReadAllText(Path.Combine(Opper.Typed.Testing.RepositoryPaths.Root, "tests", "EndToEnd", "MisuseSample", "Misuse.cs")).ReplaceLineEndings("\n");
        var braces = source.Select((c, i) => (c, i)).Where(p => p.c is '{' or '}').Select(p => p.i).ToList();
        // The class's own braces and one of an initializer's: each changes the structure of everything after it.
        return [.. new[] { braces[0], braces[^1], braces[1], braces[^2] }.Select(at => source.Remove(at, 1))];
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task On_a_file_that_does_not_parse_no_fix_is_offered_and_none_throws(string broken)
    {
        var (applied, problems) = await CodeFixHarness.ApplyEveryFixAsync(broken);

        Assert.Empty(problems);
        Assert.Equal(0, applied);
    }
}
