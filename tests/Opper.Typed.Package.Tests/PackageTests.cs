using System.Text.Json.Nodes;
using Opper.Typed.Testing;

namespace Opper.Typed.Package.Tests;

/// <summary>
/// The package as a user gets it: packed to a folder, referenced by a fresh console project through a nuget.config
/// beside the usual source, built and run. A fresh version per run keeps NuGet's cache from serving an older pack.
/// </summary>
[Collection(PackedPackages.Name)]
public sealed class PackageTests(PackedFeed packed)
{
    private readonly LocalFeed _feed = packed.Feed;

    [Fact]
    public void A_user_project_gets_typed_classes_warnings_a_custom_snapshot_and_the_emulator()
    {
        Assert.True(File.Exists(Path.Combine(_feed.Folder, $"Opper.Typed.{_feed.Version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(_feed.Folder, $"Opper.Typed.{_feed.Version}.snupkg")));
        var consumer = _feed.CreateConsumer("Consumer", ["Opper.Typed", "Opper.Typed.Emulator"], new Dictionary<string, string>
        {
            ["Program.cs"] = Program,
            ["Followed.cs"] = Followed,
        });

        // Default snapshot: the typed classes resolve, the misuse line warns, and the emulator generates a real clip.
        LocalFeed.Progress("building the consumer");
        var build = LocalFeed.Run(consumer, "build", "-nologo");
        Assert.Contains(build.Split('\n'), l => l.Contains("Program.cs(6,", StringComparison.Ordinal) && l.Contains("warning OPPER006", StringComparison.Ordinal));
        // Values the analyzer follows beyond the initializer: each misuse line of Followed.cs warns with its rule.
        foreach (var (line, rule) in new[] { (7, "OPPER001"), (8, "OPPER002"), (9, "OPPER006"), (10, "OPPER005") })
        {
            Assert.Contains(build.Split('\n'), l => l.Contains($"Followed.cs({line},", StringComparison.Ordinal) && l.Contains($"warning {rule}", StringComparison.Ordinal));
        }

        var run = LocalFeed.Run(consumer, "run", "--no-build");
        Assert.Contains("clip bytes:", run);
        Assert.True(new FileInfo(Path.Combine(consumer, "clip.mp4")).Length > 1000);

        // A custom snapshot through OpperVideoCatalog: a model only it has gets its class.
        File.WriteAllText(Path.Combine(consumer, "Extra.cs"), "namespace Consumer; static class Extra { public static object Make() => new Opper.Typed.GrokImagineVideo15Request(\"p\") { Duration = 3 }; }");
        var withoutSnapshot = LocalFeed.Run(consumer, expectSuccess: false, "build", "-nologo");
        Assert.Contains("GrokImagineVideo15Request", withoutSnapshot);
        Assert.Contains("error CS0234", withoutSnapshot); // no such type in namespace Opper.Typed without the custom snapshot
        LocalFeed.Run(consumer, "build", "-nologo", $"-p:OpperVideoCatalog={WriteCustomCatalog(consumer)}");
    }

    private const string Program = """
        using Opper.Typed;
        using Opper.Typed.Emulator;

        var typed = new Sora2Request("a cat") { Size = Sora2Size.Size1280x720, Seconds = Sora2Seconds.Seconds4 };
        var untyped = new VideoRequest("openai/sora-2", "a cat")
        { Parameters = { ["seconds"] = 4 } };
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
        var options = emulator.CreateClientOptions();
        options.Polling.FirstPollDelay = TimeSpan.FromMilliseconds(10);
        using var client = new OpperVideoClient(options);
        await client.GenerateToFileAsync(typed, "clip.mp4");
        Console.WriteLine($"clip bytes: {new FileInfo("clip.mp4").Length}, untyped parameters: {untyped.Parameters.Count}");
        """;

    private const string Followed = """
        using Opper.Typed;
        namespace Consumer;
        static class Holder { public static readonly string Cat = "https://example.com/cat.jpg"; }
        static class Followed
        {
            public static object[] Make() { object[] made = [
                new Veo31FastGenerate001Request("cat") { Image = Holder.Cat }, ""];
                var url = "http://localhost/cat.jpg"; var r = new WanI2vRequest("x") { Image = url };
                var v = new VideoRequest("openai/sora-2", "x"); v.Parameters["seconds"] = 4;
                v.Parameters.Add("duration_seconds", 4);
                var knob = new Sora2Request("x") { AdditionalParameters = { ["new_knob"] = 1 } };
                return [made, r, v, knob];
            }
        }
        """;

    private static string WriteCustomCatalog(string consumer)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")))!.AsObject();
        var copy = catalog["models"]!.AsArray().Single(m => (string?)m!["id"] == "xai/grok-imagine-video")!.DeepClone().AsObject();
        copy["id"] = "xai/grok-imagine-video-1.5";
        catalog["models"]!.AsArray().Add(copy);
        var path = Path.Combine(consumer, "my-models.json");
        File.WriteAllText(path, catalog.ToJsonString());
        return path;
    }
}
