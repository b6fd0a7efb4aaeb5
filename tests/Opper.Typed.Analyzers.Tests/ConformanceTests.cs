extern alias runtime;

using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Opper.Typed.Core.Rules;
using Opper.Typed.Generator.Diagnostics;
using Opper.Typed.Analyzers.Tests.Support;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>
/// One table of requests, fed to the analyzer as source and to the runtime validator as objects: both must name the same
/// rules and fields for every case. The runtime's verdict on a model id outside the snapshot is "sent unchecked and
/// logged": the same OPPER003 violation, which the runtime does not throw.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly (string Request, string[] Fields)[] Table =
    [
        // Valid, typed and untyped.
        ("""new Sora2Request("p") { Seconds = Sora2Seconds.Seconds4, Size = Sora2Size.Size1280x720 }""", []),
        ("""new Sora2Request("p") { Image = "https://example.com/cat.jpg" }""", []),
        ("""new Sora2Request("p") { Image = "data:image/png;base64,iVBORw0KGgo=" }""", []),
        ("""new Sora2ProRequest("p") { Size = Sora2ProSize.Size1792x1024 }""", []),
        ("""new Veo31Generate001Request("p") { Image = "gs://bucket/cat.png", DurationSeconds = Veo31Generate001DurationSeconds.DurationSeconds8 }""", []),
        ("""new Veo31FastGenerate001Request("p") { Image = "data:image/jpeg;base64,/9j/4AAQ", GenerateAudio = true, Seed = 42 }""", []),
        ("""new GrokImagineVideoRequest("p") { Image = "https://example.com/cat.jpg", Duration = 1 }""", []),
        ("""new GrokImagineVideoRequest("p") { Duration = 15 }""", []),
        ("""new WanI2vRequest("p") { Image = "https://example.com/cat.jpg", NumFrames = 81 }""", []),
        ("""new VaceRequest("p") { Video = "https://example.com/in.mp4" }""", []),
        ("""new Happyhorse10T2vRequest("p") { Resolution = Happyhorse10T2vResolution.Resolution1080P }""", []),
        ("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = "4", ["size"] = "1280x720" } }""", []),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Image = "https://example.com/cat.jpg", Parameters = { ["duration"] = 6, ["aspect_ratio"] = "16:9", ["resolution"] = "720p" } }""", []),
        ("""new VideoRequest("pruna/wan-t2v", "p") { Parameters = { ["resolution"] = "720p", ["aspect_ratio"] = "16:9" } }""", []),
        ("""new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Parameters = { ["durationSeconds"] = 4, ["resolution"] = "720p", ["generateAudio"] = false } }""", []),
        ("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = 6.0 } }""", []),
        ("""new VideoRequest("pruna/vace", "p") { Video = "https://example.com/in.mp4" }""", []),
        // OPPER001: media form.
        ("""new Veo31Generate001Request("p") { Image = "https://example.com/cat.jpg" }""", ["image"]),
        ("""new Veo31FastGenerate001Request("p") { Image = MediaInput.FromUrl("http://example.com/cat.jpg") }""", ["image"]),
        ("""new WanI2vRequest("p") { Image = "data:image/png;base64,iVBORw0KGgo=" }""", ["image"]),
        ("""new GrokImagineVideoRequest("p") { Image = "gs://bucket/cat.png" }""", ["image"]),
        ("""new Sora2Request("p") { Image = MediaInput.FromGcs("gs://bucket/cat.png") }""", ["image"]),
        ("""new VaceRequest("p") { Video = "data:video/mp4;base64,AAAAIGZ0eXA=" }""", ["video"]),
        ("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Image = "https://example.com/cat.jpg" }""", ["image"]),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Image = "data:image/png;base64,iVBORw0KGgo=" }""", ["image"]),
        ("""new VideoRequest("openai/sora-2", "p") { Image = "cat.png" }""", ["image"]),
        ("""new VideoRequest("x/not-in-the-snapshot", "p") { Image = "C:/cat.png" }""", ["image", "model"]),
        // OPPER002: unreachable URLs.
        ("""new GrokImagineVideoRequest("p") { Image = "http://localhost:8080/cat.jpg" }""", ["image"]),
        ("""new WanI2vRequest("p") { Image = "http://10.0.0.7/cat.jpg" }""", ["image"]),
        ("""new VideoRequest("pruna/vace", "p") { Video = "http://nas.local/in.mp4" }""", ["video"]),
        ("""new Sora2Request("p") { Image = "http://localhost:8080/cat.jpg" }""", []),
        // OPPER003 / OPPER011: model ids.
        ("""new VideoRequest("openai/sora-3", "p")""", ["model"]),
        ("""new VideoRequest("openai/sora-1", "p")""", ["model"]),
        ("""new Sora1Request("p")""", ["model"]),
        ("""new VideoRequest("vertexai/veo-9", "p") { Parameters = { ["anything"] = 1 } }""", ["model"]),
        // OPPER004: inputs the model does not take.
        ("""new VideoRequest("pruna/wan-t2v", "p") { Image = "https://example.com/cat.jpg" }""", ["image"]),
        ("""new VideoRequest("openai/sora-2", "p") { Video = "https://example.com/in.mp4" }""", ["video"]),
        ("""new VideoRequest("pruna/vace", "p") { Image = "https://example.com/cat.jpg" }""", ["image"]),
        // OPPER005: unknown keys.
        ("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["duration_seconds"] = 4 } }""", ["parameters.duration_seconds"]),
        ("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["duration"] = "4" } }""", ["parameters.duration"]),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["aspectRatio"] = "16:9", ["fps"] = 24 } }""", ["parameters.aspectRatio", "parameters.fps"]),
        // OPPER006: wrong JSON types.
        ("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = 4 } }""", ["parameters.seconds"]),
        ("""new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Parameters = { ["durationSeconds"] = "4" } }""", ["parameters.durationSeconds"]),
        ("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["generateAudio"] = "false" } }""", ["parameters.generateAudio"]),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["duration"] = "6" } }""", ["parameters.duration"]),
        // OPPER007: out of set or range.
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["duration"] = 30 } }""", ["parameters.duration"]),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["duration"] = 2.5 } }""", ["parameters.duration"]),
        ("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["size"] = "1792x1024" } }""", ["parameters.size"]),
        ("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["durationSeconds"] = 5 } }""", ["parameters.durationSeconds"]),
        ("""new GrokImagineVideoRequest("p") { Duration = 0 }""", ["parameters.duration"]),
        ("""new Veo31Generate001Request("p") { SampleCount = 9 }""", ["parameters.sampleCount"]),
        ("""new WanT2vRequest("p") { NumFrames = 200 }""", ["parameters.num_frames"]),
        // An enum cast: judged by the member it names, and a number no member has is out of the set, not a wrong JSON type.
        ("""new Veo31FastGenerate001Request("p") { DurationSeconds = (Veo31FastGenerate001DurationSeconds)5 }""", ["parameters.durationSeconds"]),
        ("""new Sora2Request("p") { Seconds = (Sora2Seconds)4 }""", ["parameters.seconds"]),
        ("""new Veo31FastGenerate001Request("p") { DurationSeconds = (Veo31FastGenerate001DurationSeconds)1, Resolution = (Veo31FastGenerate001Resolution)0 }""", []),
        // OPPER008: image size against Sora's size.
        ("""new Sora2Request("p") { Size = Sora2Size.Size1280x720, Image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAABAAAAAQACAIAAADwf7zU" }""", ["image"]),
        ("""new Sora2Request("p") { Size = Sora2Size.Size1280x720, Image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAABQAAAALQCAIAAABAH0oB" }""", []),
        ("""new VideoRequest("openai/sora-2-pro", "p") { Image = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/wAALCAUAAtABAREA/9k=", Parameters = { ["size"] = "1792x1024" } }""", ["image"]),
        // OPPER012 / OPPER013: the typed escape hatch. A known key still gets its type and range checked.
        ("""new Sora2Request("p") { AdditionalParameters = { ["new_knob"] = 1 } }""", ["parameters.new_knob"]),
        ("""new Sora2Request("p") { AdditionalParameters = { ["size"] = "1280x720" } }""", ["parameters.size"]),
        ("""new GrokImagineVideoRequest("p") { AdditionalParameters = { ["duration"] = "6" } }""", ["parameters.duration", "parameters.duration"]),
        ("""new VideoRequest("openai/sora-2", "p") { Parameters = { ["new_knob"] = 1 } }""", ["parameters.new_knob"]),
        // File ids: a well-formed one is taken by every provider, with or without a dialect; a malformed one is not a file id.
        ("""new WanI2vRequest("p") { Image = "file_abc123" }""", []),
        ("""new Veo31Generate001Request("p") { Image = MediaInput.FromFileId("file_AbC-12_x") }""", []),
        ("""new GrokImagineVideoRequest("p") { Image = "file_abc123" }""", []),
        ("""new VaceRequest("p") { Video = "file_vid-1" }""", []),
        ("""new Sora2Request("p") { Image = "file_abc123" }""", []),
        ("""new Happyhorse10I2vRequest("p") { Image = "file_abc123" }""", []),
        ("""new VideoRequest("acme/i2v", "p") { Image = "file_abc123" }""", []),
        ("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { ReferenceImages = { "file_a", "file_b" } }""", []),
        ("""new WanI2vRequest("p") { Image = "file_" }""", ["image"]),
        ("""new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Image = "file_x.png" }""", ["image"]),
        ("""new GrokImagineVideoRequest("p") { ReferenceImages = { "file_ a" } }""", ["reference_images[0]"]),
        // Local bytes reach a provider that takes no data-URI: the client uploads them and sends a file id.
        ("""new WanI2vRequest("p") { Image = MediaInput.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) }""", []),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Image = MediaInput.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) }""", []),
        // Reference images: OPPER004 where the model takes none, OPPER014 past the limits of one that does.
        ("""new VideoRequest("pruna/wan-i2v", "p") { ReferenceImages = { "https://example.com/a.jpg" } }""", ["reference_images[0]"]),
        ("""new VideoRequest("openai/sora-2", "p") { ReferenceImages = { "https://example.com/a.jpg" } }""", ["reference_images[0]"]),
        ("""new Veo31Generate001Request("p") { ReferenceImages = { "file_a", "file_b", "file_c", "file_d" } }""", ["reference_images[3]"]),
        ("""new Veo31FastGenerate001Request("p") { Image = "gs://b/cat.png", ReferenceImages = { "gs://b/dog.png" } }""", ["image"]),
        ("""new GrokImagineVideoRequest("p") { Duration = 15, ReferenceImages = { "https://example.com/a.jpg" } }""", ["parameters.duration"]),
        ("""new GrokImagineVideoRequest("p") { Duration = 10, ReferenceImages = { "file_a", "https://example.com/b.jpg" } }""", []),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { ReferenceImages = { "file_a" }, Parameters = { ["duration"] = 12 } }""", ["parameters.duration"]),
        ("""new VideoRequest("xai/grok-imagine-video", "p") { Image = "https://example.com/cat.jpg", ReferenceImages = { "file_a" } }""", ["image"]),
        // Several at once.
        ("""new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Image = "https://example.com/cat.jpg", Parameters = { ["durationSeconds"] = "8", ["duration_seconds"] = 8 } }""", ["image", "parameters.durationSeconds", "parameters.duration_seconds"]),
    ];

    /// <summary>
    /// The checked-in snapshot with Sora live (its dialect has the most to check: seconds as a string, sizes, the image
    /// size), a retired model so OPPER011 has cases too, and a model of a provider without a dialect.
    /// </summary>
    private static readonly TestFile[] Files = Snapshot.WithLiveSora()
        .AddCopy("openai/sora-2", "openai/sora-1", m => { m["retired_at"] = "2026-01-01"; m["successor"] = "openai/sora-2"; })
        .AddCopy("pruna/wan-i2v", "acme/i2v", m => m["provider"] = "acme")
        .Files();

    [Fact]
    public async Task Analyzer_and_runtime_validator_agree_on_every_case()
    {
        Assert.True(Table.Length >= 40, $"{Table.Length} cases");
        var source = "using Opper.Typed;\npublic static class Cases\n{\n"
            + string.Concat(Table.Select((c, i) => $"    public static object C{i}() => {c.Request};\n")) + "}\n";

        var (analyzer, runtime) = await VerdictsAsync();

        var disagreements = new List<string>();
        for (var i = 0; i < Table.Length; i++)
        {
            var expected = Table[i].Fields.Order().ToArray();
            var analyzerFields = analyzer[i].Select(v => v.Field).ToArray();
            if (!analyzerFields.SequenceEqual(expected) || !runtime[i].SequenceEqual(analyzer[i]))
            {
                disagreements.Add($"C{i} {Table[i].Request}\n  expected [{string.Join(", ", expected)}]\n  analyzer [{string.Join(", ", analyzer[i])}]\n  runtime  [{string.Join(", ", runtime[i])}]");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>
    /// The table is checked against the shared core's own rule list: every request rule the runtime applies must be
    /// broken by at least one case, seen alike by both layers, so a new rule cannot be added without a conformance case.
    /// </summary>
    [Fact]
    public async Task Every_rule_of_the_core_is_covered_by_a_case()
    {
        var (analyzer, runtime) = await VerdictsAsync();
        var seenByBoth = analyzer.Zip(runtime, (a, r) => a.Intersect(r)).SelectMany(v => v).Select(v => v.RuleId).ToHashSet();

        var runtimeRules = RequestRules.All.Where(r => r.AppliesAtRunTime).Select(r => r.Id).ToList();
        Assert.Empty(runtimeRules.Except(seenByBoth));
        // Editor advice only, by design: the runtime has no use for "a typed class exists".
        Assert.Equal([TypedClassExistsRule.DiagnosticId], RequestRules.All.Where(r => !r.AppliesAtRunTime).Select(r => r.Id));
    }

    /// <summary>"One rule, one text": for an enum cast no member has, the analyzer's warning is the runtime's exception, word for word.</summary>
    [Theory]
    [InlineData("""new Veo31FastGenerate001Request("p") { DurationSeconds = (Veo31FastGenerate001DurationSeconds)5 }""",
        "vertexai/veo-3.1-fast-generate-001: 'parameters.durationSeconds' is DurationSeconds = (Veo31FastGenerate001DurationSeconds)5, not a member of Veo31FastGenerate001DurationSeconds. "
        + "Use Veo31FastGenerate001DurationSeconds.DurationSeconds4, Veo31FastGenerate001DurationSeconds.DurationSeconds6 or Veo31FastGenerate001DurationSeconds.DurationSeconds8 (sent as 4, 6, 8).")]
    [InlineData("""new Sora2Request("p") { Seconds = (Sora2Seconds)4 }""",
        "openai/sora-2: 'parameters.seconds' is Seconds = (Sora2Seconds)4, not a member of Sora2Seconds. Use Sora2Seconds.Seconds4, Sora2Seconds.Seconds8 or Sora2Seconds.Seconds12 (sent as \"4\", \"8\", \"12\").")]
    public async Task An_enum_cast_no_member_has_is_worded_alike_by_analyzer_and_runtime(string request, string message)
    {
        var source = $"using Opper.Typed;\npublic static class Cases\n{{\n    public static object C0() => {request};\n}}\n";
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync([source], Files), d => d.Id != TypedClassExistsRule.DiagnosticId);
        var assembly = Load(source);
        var problem = Assert.Single(runtime::Opper.Typed.VideoRequestValidator.FindProblems((runtime::Opper.Typed.IVideoRequest)assembly.GetType("Cases")!.GetMethod("C0")!.Invoke(null, null)!));

        Assert.Equal((ValueOutOfRangeRule.DiagnosticId, message), (diagnostic.Id, diagnostic.GetMessage()));
        Assert.Equal((ValueOutOfRangeRule.DiagnosticId, message), (problem.RuleId, problem.Message));
    }

    /// <summary>Per case, what each layer says: rule id and field, ordered. What the runtime sends and logs (OPPER003, 012, 013) is a verdict too; OPPER010 is editor advice only.</summary>
    private static async Task<(List<Verdict>[] Analyzer, List<Verdict>[] Runtime)> VerdictsAsync()
    {
        var source = "using Opper.Typed;\npublic static class Cases\n{\n"
            + string.Concat(Table.Select((c, i) => $"    public static object C{i}() => {c.Request};\n")) + "}\n";
        var diagnostics = await AnalyzerHarness.AnalyzeAsync([source], Files);
        var assembly = Load(source);

        // The cases' own generated catalog, passed explicitly: no process-wide state decides the verdict.
        var catalog = (runtime::Opper.Typed.IVideoModelCatalog)assembly.GetType("Opper.Typed.OpperVideoModels")!.GetProperty("Catalog")!.GetValue(null)!;
        var analyzer = new List<Verdict>[Table.Length];
        var runtime = new List<Verdict>[Table.Length];
        for (var i = 0; i < Table.Length; i++)
        {
            analyzer[i] = diagnostics
                .Where(d => d.Id != TypedClassExistsRule.DiagnosticId && LineOf(d).Contains($"object C{i}() =>", StringComparison.Ordinal))
                .Select(d => new Verdict(d.Id, d.Properties[DiagnosticProperties.Field]!))
                .Order().ToList();
            var request = (runtime::Opper.Typed.IVideoRequest)assembly.GetType("Cases")!.GetMethod($"C{i}")!.Invoke(null, null)!;
            runtime[i] = (UploadsLocalBytes(Table[i].Request) ? UploadingClientVerdicts(request, catalog) : RuntimeVerdicts(request, catalog)).Order().ToList();
        }

        return (analyzer, runtime);
    }

    private static IEnumerable<Verdict> RuntimeVerdicts(runtime::Opper.Typed.IVideoRequest request, runtime::Opper.Typed.IVideoModelCatalog catalog)
    {
        foreach (var problem in runtime::Opper.Typed.VideoRequestValidator.FindProblems(request, catalog))
        {
            yield return new Verdict(problem.RuleId!, problem.Field);
        }

        // What is sent anyway and logged (an unknown model, the AdditionalParameters escape hatch) is a verdict too.
        foreach (var notice in runtime::Opper.Typed.VideoRequestValidator.FindNotices(request, catalog))
        {
            yield return new Verdict(notice.RuleId, notice.Field);
        }
    }

    /// <summary>Whether a case passes local bytes, which the client marks uploadable (the analyzer sees the call itself).</summary>
    private static bool UploadsLocalBytes(string request) => request.Contains("MediaInput.FromBytes(", StringComparison.Ordinal);

    /// <summary>
    /// What the client's own check says when it tells the validator which media it uploads (the internal
    /// <c>VideoRequestValidator.Check</c> with <c>uploadable</c>; reached by reflection, as this project sees no internals).
    /// The cases that use it have one media input each, so "every field" is exactly the local bytes.
    /// </summary>
    private static IEnumerable<Verdict> UploadingClientVerdicts(runtime::Opper.Typed.IVideoRequest request, runtime::Opper.Typed.IVideoModelCatalog catalog)
    {
        var check = typeof(runtime::Opper.Typed.VideoRequestValidator).GetMethod("Check", BindingFlags.NonPublic | BindingFlags.Static)!;
        object?[] arguments = [request.ToWireRequest(), request.ModelSpec, request.AdditionalParameterKeys, catalog, null, new Func<string, bool>(_ => true)];
        var problems = (IEnumerable<runtime::Opper.Typed.OpperValidationException>?)check.Invoke(null, arguments) ?? [];
        var notices = (IEnumerable<runtime::Opper.Typed.VideoRequestNotice>?)arguments[4] ?? [];
        return problems.Select(p => new Verdict(p.RuleId!, p.Field)).Concat(notices.Select(n => new Verdict(n.RuleId, n.Field)));
    }

    private sealed record Verdict(string RuleId, string Field) : IComparable<Verdict>
    {
        public int CompareTo(Verdict? other) => string.CompareOrdinal(ToString(), other?.ToString());

        public override string ToString() => RuleId + ":" + Field;
    }

    private static string LineOf(Diagnostic diagnostic)
    {
        var text = diagnostic.Location.SourceTree!.GetText();
        return text.Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString();
    }

    /// <summary>Compiles the cases with the generated classes and loads them; their module initializer registers the models.</summary>
    private static Assembly Load(string source)
    {
        var (output, _, _) = GeneratorHarness.Run(Files, source);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("conformance", isCollectible: true).LoadFromStream(stream);
    }
}
