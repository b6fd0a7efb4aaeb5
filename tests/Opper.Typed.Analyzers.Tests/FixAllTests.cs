using Opper.Typed.Analyzers.Tests.Support;
using Opper.Typed.CodeFixes;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>
/// Every code fix through Roslyn's code-fix test runner: each marked diagnostic fixed one at a time, then Fix All in
/// document, project and solution scope, the result compiling with no diagnostic left.
/// </summary>
public sealed class FixAllTests
{
    private static string Source(string body) => $$"""
        using Opper.Typed;
        class Use
        {
        {{body}}
        }
        """;

    [Fact]
    public Task OPPER003_unknown_model_ids_take_the_suggestion() => new OpperCodeFixTest<UseSuggestionCodeFix>(
        Source("""
            object A() => new VideoRequest({|OPPER003:"xai/grok-imagine-vid"|}, "p");
            object B() => new VideoRequest({|OPPER003:"openai/sora2"|}, "p");
        """),
        Source("""
            object A() => new VideoRequest("xai/grok-imagine-video", "p");
            object B() => new VideoRequest("openai/sora-2", "p");
        """)).RunAsync();

    [Fact]
    public Task OPPER005_unknown_keys_take_the_suggestion() => new OpperCodeFixTest<UseSuggestionCodeFix>(
        Source("""
            object A() => new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { [{|OPPER005:"duration_seconds"|}] = 4, [{|OPPER005:"aspect_ratio"|}] = "16:9" } };
        """),
        Source("""
            object A() => new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = 4, ["aspectRatio"] = "16:9" } };
        """)).RunAsync();

    [Fact]
    public Task OPPER006_values_are_written_in_the_wanted_json_type() => new OpperCodeFixTest<ConvertJsonTypeCodeFix>(
        Source("""
            object A() => new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = {|OPPER006:4|} } };
            object B() => new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = {|OPPER006:"8"|}, ["generateAudio"] = {|OPPER006:"false"|} } };
        """),
        Source("""
            object A() => new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = "4" } };
            object B() => new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = 8, ["generateAudio"] = false } };
        """)).RunAsync();

    [Fact]
    public Task OPPER009_literal_keys_are_read_from_the_environment() => new OpperCodeFixTest<ApiKeyFromEnvironmentCodeFix>(
        Source("""
            object A() => new OpperVideoClientOptions { ApiKey = {|OPPER009:"op-live-123"|} };
            object B() => new OpperVideoClientOptions { ApiKey = {|OPPER009:"op-live-456"|} };
        """),
        Source("""
            object A() => new OpperVideoClientOptions { ApiKey = System.Environment.GetEnvironmentVariable("OPPER_API_KEY") };
            object B() => new OpperVideoClientOptions { ApiKey = System.Environment.GetEnvironmentVariable("OPPER_API_KEY") };
        """)).RunAsync();

    [Fact]
    public Task OPPER010_untyped_requests_become_their_typed_classes()
    {
        var test = new OpperCodeFixTest<UseTypedRequestCodeFix>(
            Source("""
                object A() => {|OPPER010:new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = "4", ["size"] = "1280x720" } }|};
                object B() => {|OPPER010:new VideoRequest("pruna/vace", "p")|};
            """),
            Source("""
                object A() => new Sora2Request("p") { Seconds = Sora2Seconds.Seconds4, Size = Sora2Size.Size1280x720 };
                object B() => new VaceRequest("p");
            """));
        test.DisabledDiagnostics.Remove("OPPER010");
        return test.RunAsync();
    }

    [Fact]
    public Task OPPER001_a_url_for_Veo_is_downloaded_and_inlined() => new OpperCodeFixTest<InlineMediaCodeFix>(
        Source("""
            async System.Threading.Tasks.Task<object> A() => new Veo31Generate001Request("p") { Image = {|OPPER001:"https://example.com/cat.jpg"|} };
            async System.Threading.Tasks.Task<object> B() => new Veo31FastGenerate001Request("p") { Image = {|OPPER001:MediaInput.FromUrl("https://example.com/dog.jpg")|} };
        """),
        Source("""
            async System.Threading.Tasks.Task<object> A() => new Veo31Generate001Request("p") { Image = await MediaInput.DownloadAsDataUriAsync("https://example.com/cat.jpg") };
            async System.Threading.Tasks.Task<object> B() => new Veo31FastGenerate001Request("p") { Image = await MediaInput.DownloadAsDataUriAsync("https://example.com/dog.jpg") };
        """)).RunAsync();

    [Fact]
    public Task OPPER004_inputs_the_model_does_not_take_are_removed() => new OpperCodeFixTest<RemoveInputCodeFix>(
        Source("""
            object A() => new VideoRequest("pruna/wan-t2v", "p") { Image = {|OPPER004:"https://example.com/cat.jpg"|}, Store = true };
            object B() => new VideoRequest("openai/sora-2", "p") { Video = {|OPPER004:"https://example.com/in.mp4"|} };
        """),
        Source("""
            object A() => new VideoRequest("pruna/wan-t2v", "p") { Store = true };
            object B() => new VideoRequest("openai/sora-2", "p") { };
        """)).RunAsync();

    [Fact]
    public Task OPPER007_values_out_of_set_or_range_take_the_nearest_accepted_one() => new OpperCodeFixTest<NearestValueCodeFix>(
        Source("""
            object A() => new GrokImagineVideoRequest("p") { Duration = {|OPPER007:30|} };
            object B() => new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["duration"] = {|OPPER007:0|} } };
            object C() => new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = {|OPPER007:5|}, ["resolution"] = {|OPPER007:"1080"|} } };
        """),
        Source("""
            object A() => new GrokImagineVideoRequest("p") { Duration = 15 };
            object B() => new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["duration"] = 1 } };
            object C() => new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = 4, ["resolution"] = "1080p" } };
        """)).RunAsync();

    [Fact]
    public Task OPPER011_a_retired_model_switches_to_its_successor()
    {
        var files = Snapshot.WithLiveSora()
            .AddCopy("openai/sora-2", "openai/sora-1", m => { m["retired_at"] = "2026-01-01"; m["successor"] = "openai/sora-2"; })
            .Files();
        return new OpperCodeFixTest<UseSuccessorCodeFix>(
            Source("""
                object A() => new VideoRequest({|OPPER011:"openai/sora-1"|}, "p");
            #pragma warning disable CS0618
                object B() => {|OPPER011:new Sora1Request("p") { Store = true }|};
            """),
            Source("""
                object A() => new VideoRequest("openai/sora-2", "p");
            #pragma warning disable CS0618
                object B() => new Sora2Request("p") { Store = true };
            """),
            files).RunAsync();
    }

    [Fact]
    public Task OPPER012_an_additional_parameter_moves_to_its_property() => new OpperCodeFixTest<MoveToPropertyCodeFix>(
        Source("""
            object A() => new Sora2Request("p") { AdditionalParameters = { [{|OPPER012:"size"|}] = "1280x720" } };
            object B() => new GrokImagineVideoRequest("p") { Store = true, AdditionalParameters = { [{|OPPER012:"duration"|}] = 6, ["new_knob"] = 1 } };
        """),
        Source("""
            object A() => new Sora2Request("p") { Size = Sora2Size.Size1280x720 };
            object B() => new GrokImagineVideoRequest("p") { Store = true, AdditionalParameters = { ["new_knob"] = 1 }, Duration = 6 };
        """)).RunAsync();
}
