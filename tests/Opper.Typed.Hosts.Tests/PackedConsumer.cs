using System.Text.Json.Nodes;
using Opper.Typed.Testing;

namespace Opper.Typed.Hosts.Tests;

/// <summary>
/// One packed Opper.Typed and a fresh consumer of it with a misuse per rule that has a fix, restored once for every
/// host test (packing and restoring are the slow part). Its catalog adds a retired model with a live successor, so
/// OPPER011 has a case with a fix (Sora, retired for real, has no successor). Every other line names a live model: on a
/// retired one OPPER011 would stand beside the rule the line is for, and OPPER010 would not fire at all.
/// </summary>
public sealed class PackedConsumer : IDisposable
{
    public const string MisuseFile = "Misuse.cs";

    /// <summary>Each line with a rule, for the hosts to find; the rule ids are in the trailing comment.</summary>
    public const string Misuse = """
        using Opper.Typed;

        static class Misuse
        {
            public static object[] All() =>
            [
                new VideoRequest("xai/grok-imagine-vid", "p"), // OPPER003
                new VideoRequest("vertexai/veo-3.1-generate-001", "p") { Parameters = { ["duration_seconds"] = 4 } }, // OPPER005
                new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Parameters = { ["durationSeconds"] = "4" } }, // OPPER006
                new VideoRequest("pruna/wan-t2v", "p") { Image = "https://example.com/cat.jpg" }, // OPPER004
                new GrokImagineVideoRequest("p") { Duration = 30 }, // OPPER007
                new VideoRequest("vertexai/veo-3.0-fast-generate-001", "p"), // OPPER011
                new Veo31FastGenerate001Request("p") { AdditionalParameters = { ["resolution"] = "720p" } }, // OPPER012
                new VideoRequest("vertexai/veo-3.1-fast-generate-001", "p") { Parameters = { ["durationSeconds"] = 4 } }, // OPPER010
                new OpperVideoClientOptions { ApiKey = "op-live-123" }, // OPPER009
            ];

            public static async System.Threading.Tasks.Task<object> Veo() => new Veo31Generate001Request("p") { Image = "https://example.com/cat.jpg" }; // OPPER001
        }
        """;

    private readonly LocalFeed _feed;

    public PackedConsumer()
    {
        // The project reference has built every target of the Debug runtime; packing it without a build keeps this from racing the solution build.
        _feed = LocalFeed.Pack("Debug", noBuild: true, "src/Opper.Typed");
        var catalog = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")))!.AsObject();
        var veo30 = catalog["models"]!.AsArray().Single(m => (string?)m!["id"] == "vertexai/veo-3.1-fast-generate-001")!.DeepClone().AsObject();
        veo30["id"] = "vertexai/veo-3.0-fast-generate-001";
        veo30["retired_at"] = "2026-01-01";
        veo30["successor"] = "vertexai/veo-3.1-fast-generate-001";
        catalog["models"]!.AsArray().Add(veo30);
        Directory = _feed.CreateConsumer(
            "Consumer",
            ["Opper.Typed"],
            new Dictionary<string, string> { [MisuseFile] = Misuse, ["Program.cs"] = "System.Console.WriteLine(Misuse.All().Length);\n", ["models.json"] = catalog.ToJsonString() },
            "<OpperVideoCatalog>$(MSBuildThisFileDirectory)models.json</OpperVideoCatalog>");
        LocalFeed.Progress("restoring the consumer");
        LocalFeed.Run(Directory, "restore", "-nologo");
        Project = Path.Combine(Directory, "Consumer.csproj");
    }

    public string Directory { get; }

    public string Project { get; }

    /// <summary>The line (0-based) of the misuse marked with the rule.</summary>
    public static int LineOf(string ruleId) => Misuse.Split('\n').Select((line, index) => (line, index)).Single(x => x.line.EndsWith("// " + ruleId, StringComparison.Ordinal)).index;

    public void Dispose() => _feed.Dispose();
}
