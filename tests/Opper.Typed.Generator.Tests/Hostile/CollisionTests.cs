using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests.Hostile;

/// <summary>Names that would collide are made unique and reported; the generator never throws and every other class stays.</summary>
public sealed class CollisionTests
{
    [Theory]
    [InlineData("openai/sora-2", "OPENAI/SORA-2")]   // hint names differ only in case
    [InlineData("a-b/x", "a_b/x")]                   // alike even with the provider part
    [InlineData("x/video", "x/video-wire")]          // the runtime's VideoRequest and VideoWireRequest
    [InlineData("x/i-video", "x/opper-video-models")] // IVideoRequest, and the registry class
    [InlineData("x/catalog", "x/register-catalog")]  // the registry's own members
    public void Colliding_model_ids_build_with_diagnostics_and_every_other_class(string first, string second)
    {
        var catalog = Snapshot.Default()
            .AddCopy("openai/sora-2", first == "openai/sora-2" ? "openai/sora-2-copy" : first)
            .AddCopy("openai/sora-2", second);

        var (output, run) = GeneratedOutput.AssertClean(catalog.Files(), $"{first} + {second}");

        var classes = GeneratedOutput.DeclaredTypes(output).Count(t => t.EndsWith("Request", StringComparison.Ordinal));
        Assert.Equal(catalog.Models().Count, classes);
        Assert.Contains(run.Diagnostics, d => d.Id is "OPPER111" or "OPPER106");
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("model")]
    [InlineData("model_id")]
    [InlineData("image")]
    [InlineData("store")]
    [InlineData("to_wire_request")]
    [InlineData("parameters")]
    [InlineData("additional_parameters")]
    [InlineData("equality_contract")]
    [InlineData("sora2")]
    public void A_parameter_named_like_a_generated_member_is_renamed(string name)
    {
        var parameters = JsonNode.Parse(GeneratorHarness.SchemaText("video-parameters.json"))!.AsObject();
        parameters["models"]!["openai/sora-2"] = JsonNode.Parse($$"""{ "parameters": [ { "name": "{{name}}", "type": "string" }, { "name": "aspect_ratio", "type": "string" }, { "name": "aspectRatio", "type": "integer" } ] }""");

        var (_, run) = GeneratedOutput.AssertClean(GeneratorHarness.DefaultFiles(parameters: parameters.ToJsonString()), name);

        Assert.Contains(run.Diagnostics, d => d.Id == "OPPER111" && d.GetMessage().Contains("'AspectRatio'", StringComparison.Ordinal));
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Sora2Request.g.cs");
    }

    [Fact]
    public void A_duplicated_override_parameter_is_reported_and_the_first_kept()
    {
        var parameters = JsonNode.Parse(GeneratorHarness.SchemaText("video-parameters.json"))!.AsObject();
        parameters["models"]!["openai/sora-2"] = JsonNode.Parse("""{ "parameters": [ { "name": "seconds", "type": "string", "values": ["4"] }, { "name": "seconds", "type": "integer" } ] }""");

        var (_, run) = GeneratedOutput.AssertClean(GeneratorHarness.DefaultFiles(parameters: parameters.ToJsonString()), "duplicate");

        var duplicate = Assert.Single(run.Diagnostics, d => d.Id == "OPPER112");
        Assert.Equal(DiagnosticSeverity.Warning, duplicate.Severity);
        Assert.Equal(10, run.Results.Single().GeneratedSources.Count(s => s.HintName.EndsWith("Request.g.cs", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{ "name": "strength", "type": "number", "min": 1e400 }""")]          // no double holds it
    [InlineData("""{ "name": "frames", "type": "integer", "values": [4.5, 8] }""")]      // a fraction for an integer
    [InlineData("""{ "name": "frames", "type": "integer", "values": [99999999999999999999, 8] }""")]  // past a long
    [InlineData("""{ "name": "strength", "type": "number", "values": [1e400, 0.5] }""")]
    public void Numbers_no_literal_can_write_are_left_out(string parameter)
    {
        var parameters = JsonNode.Parse(GeneratorHarness.SchemaText("video-parameters.json"))!.AsObject();
        parameters["models"]!["openai/sora-2"] = JsonNode.Parse($$"""{ "parameters": [ {{parameter}} ] }""");

        GeneratedOutput.AssertClean(GeneratorHarness.DefaultFiles(parameters: parameters.ToJsonString()), parameter);
    }

    [Fact]
    public void The_reserved_type_names_cover_every_public_type_of_the_runtime()
    {
        var runtime = System.Reflection.Assembly.Load("Opper.Typed").GetExportedTypes()
            .Where(t => t.Namespace == "Opper.Typed" && !t.IsNested)
            .Select(t => t.Name.Split('`')[0]);

        Assert.Empty(runtime.Except(Opper.Typed.Core.Naming.ReservedNames.Types));
    }
}
