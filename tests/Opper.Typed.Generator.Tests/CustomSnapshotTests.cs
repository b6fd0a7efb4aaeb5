using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

/// <summary>Regenerating from a fresh snapshot: new, retired and changed models become the matching classes with no curated edit.</summary>
public sealed class CustomSnapshotTests
{
    [Fact]
    public void A_fresh_snapshot_with_a_model_added_one_retired_and_one_changed_rebuilds_into_matching_classes()
    {
        var catalog = Snapshot.Default();
        catalog.AddCopy("xai/grok-imagine-video", "xai/grok-imagine-video-1.5", m =>
        {
            m["params"]!["video"]!["resolutions"] = new System.Text.Json.Nodes.JsonArray("480p", "720p", "1080p");
            m["params"]!["video"]!["aspect_ratios"] = new System.Text.Json.Nodes.JsonArray("16:9", "21:9");
        });
        catalog.Model("openai/sora-2")["retired_at"] = "2026-11-01";
        catalog.Model("openai/sora-2")["successor"] = "openai/sora-2-pro";
        catalog.Model("vertexai/veo-3.1-generate-001")["params"]!["video"]!["resolutions"]!.AsArray().Add("4k");

        var (output, run, _) = GeneratorHarness.Run(catalog.Files(), """
            using Opper.Typed;
            class Use
            {
                object New() => new GrokImagineVideo15Request("p") { Resolution = GrokImagineVideo15Resolution.Resolution1080p, AspectRatio = GrokImagineVideo15AspectRatio.AspectRatio21x9, Duration = 15 };
                object Changed() => new Veo31Generate001Request("p") { Resolution = Veo31Generate001Resolution.Resolution4k };
                object Retired() => new Sora2Request("p");
            }
            """);

        Assert.Empty(run.Diagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var obsolete = Assert.Single(diagnostics);
        Assert.Equal("CS0618", obsolete.Id);
        Assert.Contains("use openai/sora-2-pro (Sora2ProRequest)", obsolete.GetMessage());
        var enumMembers = output.GetTypeByMetadataName("Opper.Typed.GrokImagineVideo15Resolution")!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name);
        Assert.Equal(["Resolution480p", "Resolution720p", "Resolution1080p"], enumMembers);
    }

    [Fact]
    public void A_model_under_a_known_provider_gets_a_full_class_with_its_provider_media_rules()
    {
        var catalog = Snapshot.Default().AddCopy("pruna/wan-i2v", "pruna/wan-2.5-i2v");

        var (output, run, _) = GeneratorHarness.Run(catalog.Files());

        Assert.Empty(run.Diagnostics);
        var source = run.Results.Single().GeneratedSources.Single(s => s.HintName == "Wan25I2vRequest.g.cs").SourceText.ToString();
        Assert.Contains("public global::Opper.Typed.MediaInput? Image { get; init; }", source);
        Assert.Contains("PublicUrlsOnly = true", source);
        Assert.NotNull(output.GetTypeByMetadataName("Opper.Typed.Wan25I2vAspectRatio"));
    }

    [Fact]
    public void Files_are_found_by_name_when_no_metadata_is_given()
    {
        TestFile[] files =
        [
            new("/somewhere/videos-models.json", GeneratorHarness.SchemaText("videos-models.json"), null),
            new("/somewhere/video-parameters.json", GeneratorHarness.SchemaText("video-parameters.json"), null),
            new("/somewhere/unrelated.json", "{}", null),
        ];

        var (output, _, _) = GeneratorHarness.Run(files);

        Assert.NotNull(output.GetTypeByMetadataName("Opper.Typed.Sora2Request"));
    }
}
