using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

/// <summary>A broken snapshot yields located OPPER1xx diagnostics and no half-written code, never an exception.</summary>
public sealed class BrokenSnapshotTests
{
    public static TheoryData<string, string, string?, string, int> Cases => new()
    {
        // name, catalog, parameters (null: default), expected id, expected line (1-based; 0: no location)
        { "not JSON", "{\n  \"models\": [\n    { \"id\": \"x\", }\n  ]\n}", null, "OPPER101", 3 },
        { "truncated", "{ \"models\": [", null, "OPPER101", 1 },
        { "wrong shape", "[1, 2, 3]", null, "OPPER110", 1 },
        { "models not objects", "{\"models\": [42]}", null, "OPPER110", 1 },
        { "parameters not JSON", Snapshot.Default().ToJsonString(), "{ \"providers\": ", "OPPER109", 1 },
        { "parameters wrong type name", Snapshot.Default().ToJsonString(), """{"providers":{"openai":{"media":{"kinds":["url"]},"parameters":[{"name":"seconds","type":"text"}]}}}""", "OPPER109", 1 },
        { "parameters bad media kind", Snapshot.Default().ToJsonString(), """{"providers":{"openai":{"media":{"kinds":["ftp"]},"parameters":[]}}}""", "OPPER109", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fatal_problems_are_located_and_nothing_is_generated(string name, string catalog, string? parameters, string id, int line)
    {
        var (output, run, generatorDiagnostics) = GeneratorHarness.Run(GeneratorHarness.DefaultFiles(catalog, parameters));

        Assert.True(run.Results.Single().Exception is null, name);
        Assert.Empty(generatorDiagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.EndsWith(".json", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Json_errors_name_line_and_column()
    {
        var (_, run, _) = GeneratorHarness.Run(GeneratorHarness.DefaultFiles("{\n  \"models\": [\n    { \"id\": \"x\", }\n  ]\n}"));

        var message = Assert.Single(run.Diagnostics).GetMessage();
        Assert.Contains("Expected a property name in double quotes at line 3, column", message);
    }

    [Fact]
    public void Model_level_problems_skip_or_degrade_only_that_model()
    {
        var catalog = Snapshot.Default();
        catalog.Model("pruna/vace").Remove("description");                                        // OPPER102: skipped
        catalog.AddCopy("openai/sora-2", "openai/sora-2");                                           // OPPER103: duplicate
        catalog.AddCopy("pruna/wan-t2v", "fal/kling-3.0-pro", m => m["provider"] = "fal");        // OPPER105: no dialect
        catalog.AddCopy("pruna/wan-t2v", "alibaba:eu/wan-t2v", m => m["provider"] = "alibaba");    // OPPER106: collision
        catalog.Model("pruna/wan-t2v")["capabilities"]!.AsArray().Add("audio_to_video");            // OPPER104: ignored capability
        catalog.Model("xai/grok-imagine-video")["params"]!["video"]!["aspect_ratios"]!.AsArray().Add("!!");  // OPPER107

        var (output, run, _) = GeneratorHarness.Run(catalog.Files());

        var ids = run.Diagnostics.Select(d => d.Id).Order().ToArray();
        Assert.Equal(["OPPER102", "OPPER103", "OPPER104", "OPPER105", "OPPER106", "OPPER107"], ids);
        Assert.All(run.Diagnostics, d => Assert.True(d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile, d.Id));
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToHashSet();
        Assert.DoesNotContain("VaceRequest.g.cs", hints);
        Assert.Contains("PrunaWanT2vRequest.g.cs", hints);
        Assert.Contains("AlibabaEuWanT2vRequest.g.cs", hints);
        Assert.DoesNotContain("WanT2vRequest.g.cs", hints);
        Assert.Contains("Kling30ProRequest.g.cs", hints);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("Opper.Typed.Kling30ProRequest")!.GetMembers("AdditionalParameters").SingleOrDefault());
        Assert.Contains("OPPER105", run.Diagnostics.Single(d => d.Id == "OPPER105").Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Two_catalogs_are_an_error_naming_both_files()
    {
        TestFile[] files = [.. GeneratorHarness.DefaultFiles(), new TestFile("/custom/videos-models.json", Snapshot.Default().ToJsonString(), "catalog")];

        var (_, run, _) = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("OPPER108", diagnostic.Id);
        Assert.Contains("/custom/videos-models.json", diagnostic.GetMessage());
        Assert.Contains("OpperVideoCatalog", diagnostic.GetMessage());
        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Deeply_nested_or_hostile_json_is_a_diagnostic_not_a_crash()
    {
        var hostile = new string('[', 10_000) + new string(']', 10_000);

        var (_, run, _) = GeneratorHarness.Run(GeneratorHarness.DefaultFiles(hostile));

        Assert.Equal("OPPER101", Assert.Single(run.Diagnostics).Id);
        Assert.Null(run.Results.Single().Exception);
    }
}
