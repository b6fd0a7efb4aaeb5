using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;
using Opper.Typed.Analyzers.Tests.Support;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>Each rule where it must fire (id and exact span) and near misses where it must not.</summary>
public sealed class RuleTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // OPPER001: media form the provider does not take.
        { """new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Image = "https://example.com/cat.jpg" }""", ["OPPER001:\"https://example.com/cat.jpg\"", "OPPER010"] },
        { """new Veo31Generate001Request("p") { Image = "https://example.com/cat.jpg" }""", ["OPPER001:\"https://example.com/cat.jpg\""] },
        { """new Veo31Generate001Request("p") { Image = MediaInput.FromUrl("https://example.com/cat.jpg") }""", ["OPPER001:MediaInput.FromUrl(\"https://example.com/cat.jpg\")"] },
        { """new WanI2vRequest("p") { Image = "data:image/png;base64,iVBORw0KGgo=" }""", ["OPPER001:\"data:image/png;base64,iVBORw0KGgo=\""] },
        { """new GrokImagineVideoRequest("p") { Image = MediaInput.FromGcs("gs://b/cat.png") }""", ["OPPER001:MediaInput.FromGcs(\"gs://b/cat.png\")"] },
        { """new Sora2Request("p") { Image = "gs://b/cat.png" }""", ["OPPER001:\"gs://b/cat.png\""] },
        { """new Sora2Request("p") { Image = "cat.png" }""", ["OPPER001:\"cat.png\""] },
        { """new Veo31Generate001Request("p") { Image = "gs://b/cat.png" }""", [] },
        { """new Sora2Request("p") { Image = "https://example.com/cat.jpg" }""", [] },
        { """new WanI2vRequest("p") { Image = "https://example.com/cat.jpg" }""", [] },
        { """new WanI2vRequest("p") { Image = MediaInput.FromDataUri("data:image/png;base64,iVBORw0KGgo=") }""", ["OPPER001:MediaInput.FromDataUri(\"data:image/png;base64,iVBORw0KGgo=\")"] },
        // File ids: taken everywhere when well formed; a malformed one is OPPER001. Local bytes are uploaded where no data-URI is taken.
        { """new WanI2vRequest("p") { Image = "file_abc123" }""", [] },
        { """new Veo31Generate001Request("p") { Image = MediaInput.FromFileId("file_abc-123") }""", [] },
        { """new WanI2vRequest("p") { Image = "file_" }""", ["OPPER001:\"file_\""] },
        { """new WanI2vRequest("p") { Image = MediaInput.FromFileId("file_x.png") }""", ["OPPER001:MediaInput.FromFileId(\"file_x.png\")"] },
        { """new WanI2vRequest("p") { Image = MediaInput.FromFile("cat.png") }""", [] },
        { """new GrokImagineVideoRequest("p") { Image = MediaInput.FromBytes(System.Array.Empty<byte>()) }""", [] },
        { """new VideoRequest("pruna/wan-t2v", "p") { Image = MediaInput.FromFile("cat.png") }""", ["OPPER004:MediaInput.FromFile(\"cat.png\")", "OPPER010"] },
        // OPPER014: reference images past a model's limits.
        { """new GrokImagineVideoRequest("p") { Duration = 12, ReferenceImages = { "file_a" } }""", ["OPPER014:12"] },
        { """new Veo31Generate001Request("p") { ReferenceImages = { "file_a", "file_b", "file_c", "file_d" } }""", ["OPPER014:\"file_d\""] },
        { """new Veo31Generate001Request("p") { Image = "gs://b/cat.png", ReferenceImages = { "gs://b/dog.png" } }""", ["OPPER014:\"gs://b/cat.png\""] },
        { """new VideoRequest("pruna/wan-i2v", "p") { ReferenceImages = { "file_a" } }""", ["OPPER004:\"file_a\"", "OPPER010"] },
        // OPPER002: URLs the provider's servers cannot reach.
        { """new GrokImagineVideoRequest("p") { Image = "http://localhost:5000/cat.jpg" }""", ["OPPER002:\"http://localhost:5000/cat.jpg\""] },
        { """new VaceRequest("p") { Video = "http://192.168.1.20/in.mp4" }""", ["OPPER002:\"http://192.168.1.20/in.mp4\""] },
        { """new Sora2Request("p") { Image = "http://localhost:5000/cat.jpg" }""", [] },
        // OPPER003: unknown model; OPPER011 retired is covered with a custom snapshot below.
        { """new VideoRequest("openai/sora-3", "p")""", ["OPPER003:\"openai/sora-3\""] },
        { """new VideoRequest("xai/grok-imagine-vid", "p")""", ["OPPER003:\"xai/grok-imagine-vid\""] },
        // OPPER004: inputs the model does not take (untyped; typed classes have no such member).
        { """new VideoRequest("pruna/wan-t2v", "p") { Image = "https://example.com/cat.jpg" }""", ["OPPER004:\"https://example.com/cat.jpg\"", "OPPER010"] },
        { """new VideoRequest("openai/sora-2", "p") { Video = "https://example.com/in.mp4" }""", ["OPPER004:\"https://example.com/in.mp4\"", "OPPER010"] },
        // OPPER005 / 006 / 007 on untyped parameters.
        { """new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["duration_seconds"] = 4 } }""", ["OPPER005:\"duration_seconds\"", "OPPER010"] },
        { """new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = 4 } }""", ["OPPER006:4", "OPPER010"] },
        { """new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Parameters = { ["durationSeconds"] = "4" } }""", ["OPPER006:\"4\"", "OPPER010"] },
        { """new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { ["duration"] = 30 } }""", ["OPPER007:30", "OPPER010"] },
        { """new VideoRequest("openai/sora-2", "p") { Parameters = { ["size"] = "1920x1080" } }""", ["OPPER007:\"1920x1080\"", "OPPER010"] },
        { """new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = "4", ["size"] = "1280x720" } }""", ["OPPER010"] },
        { """new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Parameters = { ["durationSeconds"] = 4, ["generateAudio"] = false } }""", ["OPPER010"] },
        // OPPER007 on typed range properties.
        { """new GrokImagineVideoRequest("p") { Duration = 30 }""", ["OPPER007:30"] },
        { """new GrokImagineVideoRequest("p") { Duration = 15 }""", [] },
        { """new Veo31Generate001Request("p") { SampleCount = 5 }""", ["OPPER007:5"] },
        // OPPER008: Sora's image must have the requested size (PNG and JPEG headers read from constant data-URIs).
        { """new Sora2Request("p") { Size = Sora2Size.Size1280x720, Image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAABAAAAAQACAIAAADwf7zU" }""", ["OPPER008:\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAABAAAAAQACAIAAADwf7zU\""] },
        { """new Sora2Request("p") { Size = Sora2Size.Size1280x720, Image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAABQAAAALQCAIAAABAH0oB" }""", [] },
        { """new Sora2Request("p") { Size = Sora2Size.Size720x1280, Image = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/wAALCAUAAtABAREA/9k=" }""", [] },
        { """new VideoRequest("openai/sora-2", "p") { Image = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/wAALCAUAAtABAREA/9k=", Parameters = { ["size"] = "1280x720" } }""", ["OPPER008:\"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/wAALCAUAAtABAREA/9k=\"", "OPPER010"] },
        { """new Sora2Request("p") { Image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAABAAAAAQACAIAAADwf7zU" }""", [] },
        // Not constant: nothing to say at compile time.
        { """new VideoRequest(System.Environment.GetEnvironmentVariable("M")!, "p") { Image = System.Environment.GetEnvironmentVariable("I") }""", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule_fires_exactly_where_expected(string expression, string[] expected)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Wrap(expression));

        var actual = diagnostics.Select(d => d.Id == "OPPER010" ? d.Id : $"{d.Id}:{d.SpanText()}").Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), actual);
    }

    [Fact]
    public async Task Messages_name_the_model_the_value_and_what_is_accepted()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Wrap(
            """new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Image = "https://example.com/cat.jpg", Parameters = { ["duration_seconds"] = 4 } }"""));

        // The shared core's sentences: the runtime's OpperValidationException says exactly these words.
        Assert.Equal("vertexai/veo-3.1-generate-001: 'image' must be a base64 data-URI or a gs:// URI or an Opper file id (file_…); got an http(s) URL. Send the bytes inline with MediaInput.FromFile or FromBytes, or a gs:// URI with MediaInput.FromGcs, or upload it with client.Files.UploadAsync and pass MediaInput.FromFileId(file.Id).",
            diagnostics.Single(d => d.Id == "OPPER001").GetMessage());
        Assert.StartsWith("vertexai/veo-3.1-generate-001: 'parameters.duration_seconds' is not a parameter of vertexai/veo-3.1-generate-001. Did you mean 'durationSeconds'? Accepted: durationSeconds,",
            diagnostics.Single(d => d.Id == "OPPER005").GetMessage());
        Assert.Equal("vertexai/veo-3.1-generate-001: 'model' has a typed request class, Veo31Generate001Request, which checks parameters at compile time. Use new Veo31Generate001Request(prompt).",
            diagnostics.Single(d => d.Id == "OPPER010").GetMessage());
    }

    [Fact]
    public async Task Media_messages_offer_the_file_route_and_explain_a_malformed_file_id()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Wrap(
            """new VideoRequest("pruna/wan-i2v", "p") { Image = "data:image/png;base64,iVBORw0KGgo=" }"""));

        Assert.Equal("pruna/wan-i2v: 'image' must be a public http(s) URL or an Opper file id (file_…); got a data-URI. Pass a public URL with MediaInput.FromUrl, or upload it with client.Files.UploadAsync and pass MediaInput.FromFileId(file.Id).",
            diagnostics.Single(d => d.Id == "OPPER001").GetMessage());
        diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Wrap("""new WanI2vRequest("p") { Image = "file_" }"""));
        Assert.Equal("pruna/wan-i2v: 'image' is 'file_', which is not an Opper file id: 'file_' followed by letters, digits, '-' or '_' as Files.UploadAsync or VideoStatus.FileId return it. Pass the id exactly as returned, with MediaInput.FromFileId(file.Id).",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Sora_is_retired_in_the_checked_in_snapshot()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Wrap("""new VideoRequest("openai/sora-2-pro", "p")"""), GeneratorHarness.DefaultFiles());

        var retired = Assert.Single(diagnostics);
        Assert.Equal("OPPER011", retired.Id);
        Assert.Equal("openai/sora-2-pro: 'model' was retired on 2026-09-24. Choose another model.", retired.GetMessage());
    }

    [Fact]
    public async Task A_literal_api_key_is_flagged_and_an_environment_lookup_is_not()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            using Opper.Typed;
            class Use
            {
                object A() => new OpperVideoClientOptions { ApiKey = "op-live-1234567890" };
                object B() => new OpperVideoClientOptions { ApiKey = System.Environment.GetEnvironmentVariable("OPPER_API_KEY") };
                void C(OpperVideoClientOptions o) => o.ApiKey = "op-live-abc";
            }
            """);

        Assert.Equal(["OPPER009:\"op-live-1234567890\"", "OPPER009:\"op-live-abc\""], diagnostics.Select(d => $"{d.Id}:{d.SpanText()}").Order());
    }

    /// <summary>
    /// A key only the emulator accepts is no secret: its documented key (by value or by its constant), the emulator's own
    /// options, and a key set beside a loopback base address. A key beside a public address is still flagged. The
    /// emulator's types are stand-ins of the same names: the rule knows them by name, as it cannot reference them.
    /// </summary>
    [Fact]
    public async Task Keys_the_emulator_accepts_by_design_are_not_flagged()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            using System;
            using Opper.Typed;
            using Opper.Typed.Emulator;
            class Use
            {
                object A() => new OpperVideoClientOptions { ApiKey = "opper-emulator-key" };
                object B() => new OpperVideoClientOptions { ApiKey = OpperEmulator.DefaultApiKey };
                object C() => new OpperEmulatorOptions { ApiKey = "test-key" };
                object D() => new OpperVideoClientOptions { BaseAddress = new Uri("http://127.0.0.1:5080"), ApiKey = "test-key" };
                object E() => new OpperVideoClientOptions { ApiKey = "test-key", BaseAddress = new Uri("http://localhost:5080/") };
                object F(OpperEmulator emulator) => new OpperVideoClientOptions { BaseAddress = emulator.BaseAddress, ApiKey = "test-key" };
                object G() => new OpperVideoClientOptions { BaseAddress = new Uri("https://api.opper.ai"), ApiKey = "op-live-public" };
            }
            namespace Opper.Typed.Emulator
            {
                public sealed class OpperEmulator { public const string DefaultApiKey = "opper-emulator-key"; public Uri BaseAddress => null!; }
                public sealed class OpperEmulatorOptions { public string? ApiKey { get; set; } }
            }
            """);

        Assert.Equal(["OPPER009:\"op-live-public\""], diagnostics.Select(d => $"{d.Id}:{d.SpanText()}"));
        // The rule spells the emulator's key out; the emulator's source must still declare that very key.
        var emulator = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "src", "Opper.Typed.Emulator", "OpperEmulator.cs"));
        Assert.Contains($"public const string DefaultApiKey = \"{LiteralApiKeyRule.EmulatorKey}\";", emulator, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_model_used_untyped_names_its_successor()
    {
        var catalog = Snapshot.WithLiveSora();
        catalog.Model("openai/sora-2")["retired_at"] = "2026-11-01";
        catalog.Model("openai/sora-2")["successor"] = "openai/sora-2-pro";

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Wrap("""new VideoRequest("openai/sora-2", "p")"""), catalog.Files());

        var retired = Assert.Single(diagnostics);
        Assert.Equal("OPPER011", retired.Id);
        Assert.Equal("openai/sora-2: 'model' was retired on 2026-11-01. Use openai/sora-2-pro instead.", retired.GetMessage());
    }

    [Fact]
    public async Task Code_marked_as_generated_is_not_analyzed()
    {
        const string Misuse = """new VideoRequest("openai/sora-3", "p")""";
        string[] sources =
        [
            "// <auto-generated/>\n" + AnalyzerHarness.Wrap(Misuse).Replace("class Use", "class FromATool", StringComparison.Ordinal),
            $$"""
            using Opper.Typed;
            class Attributed
            {
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                object M() => {{Misuse}};
            }
            """,
            AnalyzerHarness.Wrap(Misuse),
        ];
        // The three sites bind (a site that does not compile would draw nothing for another reason).
        Assert.Empty(GeneratorHarness.Run(null, sources).Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(sources);

        var only = Assert.Single(diagnostics);
        Assert.Equal("OPPER003", only.Id);
        Assert.Contains("class Use", only.Location.SourceTree!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_registered_without_an_Opper_Typed_reference()
    {
        var compilation = GeneratorHarness.Compilation("namespace Other { class VideoRequest { VideoRequest(string a, string b) { } object M() => new VideoRequest(\"openai/sora-9\", \"p\"); } }")
            .RemoveReferences(GeneratorHarness.Compilation().References.Where(r => r.Display?.EndsWith("Opper.Typed.dll", StringComparison.Ordinal) == true));
        var diagnostics = await compilation.WithAnalyzers([new VideoRequestAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(diagnostics);
    }
}
