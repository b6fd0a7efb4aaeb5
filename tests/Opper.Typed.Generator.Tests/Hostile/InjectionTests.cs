using System.Text.Json.Nodes;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests.Hostile;

/// <summary>
/// A snapshot is data from a server: nothing in it may become code. Every character C# treats as a line end, and every
/// other control character, goes through every catalog and parameters field that reaches generated source, carrying a
/// type declaration behind it; the output must compile with no warning and declare no type but the generator's own.
/// </summary>
public sealed class InjectionTests
{
    private const string Payload = "internal static class Injected { }";

    private static readonly string[] Breaks = ["\u2028", "\u2029", "\u0085", "\r", "\n", "\r\n", "\u000b", "\u000c", "\u0000", "\u001b", "*/", "\"", "\\"];

    private static readonly string[] CatalogFields = ["id", "name", "provider", "description", "retired_at", "successor", "aspect_ratios", "resolutions"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in CatalogFields.Concat(["parameter name", "parameter description", "parameter value"]))
        {
            foreach (var separator in Breaks)
            {
                data.Add(field, separator);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_field_cannot_carry_code_into_the_build(string field, string separator)
    {
        var text = "x" + separator + Payload + separator + "//";
        var catalog = Snapshot.Default();
        var parameters = JsonNode.Parse(GeneratorHarness.SchemaText("video-parameters.json"))!.AsObject();
        var sora = catalog.Model("openai/sora-2");
        switch (field)
        {
            case "aspect_ratios" or "resolutions":
                sora["params"]!["video"]![field]!.AsArray().Add(text);
                break;
            case "id":
                sora["id"] = "openai/sora-2" + text;
                break;
            case "parameter name":
                parameters["models"]!["openai/sora-2"] = JsonNode.Parse($$"""{ "parameters": [ { "name": {{JsonValue.Create(text).ToJsonString()}}, "type": "string" } ] }""");
                break;
            case "parameter description":
                parameters["models"]!["openai/sora-2"] = JsonNode.Parse($$"""{ "parameters": [ { "name": "mood", "type": "string", "description": {{JsonValue.Create(text).ToJsonString()}} } ] }""");
                break;
            case "parameter value":
                parameters["models"]!["openai/sora-2"] = JsonNode.Parse($$"""{ "parameters": [ { "name": "mood", "type": "string", "values": ["calm", {{JsonValue.Create(text).ToJsonString()}}] } ] }""");
                break;
            default:
                sora[field] = text;
                break;
        }

        var (output, _) = GeneratedOutput.AssertClean(GeneratorHarness.DefaultFiles(catalog.ToJsonString(), parameters.ToJsonString()), $"{field} with U+{(int)separator[0]:X4}");

        var types = GeneratedOutput.DeclaredTypes(output);
        Assert.DoesNotContain(types, t => t.EndsWith(".Injected", StringComparison.Ordinal) || t == "Injected");
        Assert.All(types, t => Assert.StartsWith("Opper.Typed.", t));
    }
}
