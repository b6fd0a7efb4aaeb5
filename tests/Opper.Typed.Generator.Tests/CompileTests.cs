using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

/// <summary>What the types guarantee, proven by compiling snippets against the generated code.</summary>
public sealed class CompileTests
{
    [Fact]
    public void Generated_code_compiles_without_a_single_warning()
    {
        var (output, _, _) = GeneratorHarness.Run();

        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void The_seed_examples_compile_as_typed_requests()
    {
        var errors = Errors("""
            using Opper.Typed;
            class Use
            {
                IVideoRequest[] All() =>
                [
                    new Sora2Request("p") { Size = Sora2Size.Size1280x720, Seconds = Sora2Seconds.Seconds4 },
                    new GrokImagineVideoRequest("p") { Duration = 6, AspectRatio = GrokImagineVideoAspectRatio.AspectRatio16x9, Resolution = GrokImagineVideoResolution.Resolution720p },
                    new WanT2vRequest("p") { Resolution = WanT2vResolution.Resolution720p, AspectRatio = WanT2vAspectRatio.AspectRatio16x9 },
                    new Veo31FastGenerate001Request("p") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, Resolution = Veo31FastGenerate001Resolution.Resolution720p, GenerateAudio = false },
                    new VaceRequest("p") { Video = "https://example.com/in.mp4" },
                    new Sora2ProRequest("p") { Size = Sora2ProSize.Size1792x1024 },
                ];
            }
            """);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""new WanT2vRequest("x") { Image = "https://example.com/cat.jpg" }""", "CS0117")]  // text-to-video: no Image member
    [InlineData("""new Sora2Request("x") { Video = "https://example.com/in.mp4" }""", "CS0117")]     // not a video-editing model
    [InlineData("""new Sora2Request("x") { Seconds = 4 }""", "CS0266")]                              // seconds is an enum, not a number
    [InlineData("""new Sora2Request("x") { Size = Sora2Size.Size1792x1024 }""", "CS0117")]           // a Sora 2 Pro size
    [InlineData("""new Veo31Generate001Request("x") { DurationSeconds = "4" }""", "CS0029")]         // a number, not a string
    [InlineData("""new Veo31Generate001Request("x") { duration_seconds = 4 }""", "CS0117")]          // the wire name is not a member
    public void Misuse_does_not_compile(string expression, string expectedError)
    {
        var errors = Errors($"using Opper.Typed; class Use {{ object M() => {expression}; }}");

        Assert.Contains(errors, e => e.Id == expectedError);
    }

    [Fact]
    public void A_retired_model_warns_CS0618_naming_its_successor()
    {
        var catalog = Snapshot.Default().AddCopy("openai/sora-2", "openai/sora-1", m => { m["retired_at"] = "2026-01-31"; m["successor"] = "openai/sora-2"; });
        var (output, _, _) = GeneratorHarness.Run(catalog.Files(), """class Use { object M() => new Opper.Typed.Sora1Request("x"); }""");

        var warning = Assert.Single(output.GetDiagnostics(), d => d.Id == "CS0618");
        Assert.Contains("openai/sora-1 was retired on 2026-01-31; use openai/sora-2 (Sora2Request)", warning.GetMessage());
    }

    [Fact]
    public void Types_are_internal_unless_the_project_asks_for_public_ones()
    {
        var internalRun = GeneratorHarness.Run();
        var publicDriver = GeneratorHarness.Driver(GeneratorHarness.DefaultFiles(), new Dictionary<string, string> { ["OpperVideoTypesPublic"] = "true" })
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var publicOutput, out _);

        Assert.Equal(Accessibility.Internal, internalRun.Output.GetTypeByMetadataName("Opper.Typed.Sora2Request")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, publicOutput.GetTypeByMetadataName("Opper.Typed.Sora2Request")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, publicOutput.GetTypeByMetadataName("Opper.Typed.Sora2Size")!.DeclaredAccessibility);
        Assert.Empty(publicOutput.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_project_can_keep_its_catalog_out_of_the_process_wide_default()
    {
        string Declaration(Dictionary<string, string> properties) =>
            GeneratorHarness.Driver(GeneratorHarness.DefaultFiles(), properties).RunGenerators(GeneratorHarness.Compilation())
                .GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("OpperVideoModels.g.cs", StringComparison.Ordinal)).ToString();

        Assert.Contains("VideoModelCatalog.RegisterGenerated(", Declaration([]));
        Assert.DoesNotContain("VideoModelCatalog.RegisterGenerated(", Declaration(new() { ["OpperVideoRegisterModels"] = "false" }));
    }

    private static List<Diagnostic> Errors(string source)
    {
        var (output, _, _) = GeneratorHarness.Run(null, source);
        return output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
