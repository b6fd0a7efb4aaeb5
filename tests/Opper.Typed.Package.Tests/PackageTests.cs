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

    /// <summary>
    /// The lowest versions the packages ask for, per target: an app pinned to them, with Opper.Typed and
    /// Opper.Typed.Hangfire (which asks for the same floors), restores without a downgrade (NU1605) and builds, and on
    /// net10.0, where this machine has the runtime, it runs on them.
    /// </summary>
    public static TheoryData<string, string> Floors => new()
    {
        { "net8.0", "Microsoft.Extensions.Configuration=8.0.0 Microsoft.Extensions.DependencyInjection=8.0.1 Microsoft.Extensions.Http=8.0.1 Microsoft.Extensions.Options=8.0.2 Microsoft.Extensions.Logging.Abstractions=8.0.3 Microsoft.Extensions.DependencyInjection.Abstractions=8.0.2" },
        { "net10.0", "Microsoft.Extensions.Configuration=10.0.0 Microsoft.Extensions.DependencyInjection=10.0.0 Microsoft.Extensions.Http=10.0.0 Microsoft.Extensions.Options=10.0.0 Microsoft.Extensions.Logging.Abstractions=10.0.0 Microsoft.Extensions.Http.Resilience=10.0.0" },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void An_app_pinned_to_the_lowest_Microsoft_Extensions_versions_restores_and_builds(string targetFramework, string versions)
    {
        var pinned = versions.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var consumer = _feed.CreateConsumer($"Floor{targetFramework.Replace(".", "", StringComparison.Ordinal)}", ["Opper.Typed", "Opper.Typed.Hangfire"], new Dictionary<string, string> { ["Program.cs"] = FloorProgram },
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", targetFramework, pinned);

        LocalFeed.Progress($"building a {targetFramework} app pinned to {versions}");
        LocalFeed.Run(consumer, "build", "-nologo");

        // What restore chose: on net8.0 nothing of the 10.0 line (the 8.0 line, and the resilience packages' 9.10), on
        // net10.0 all of it at 10.0.0, so the packages pulled nothing above the app's own pins.
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json")))!;
        var extensions = assets["targets"]![targetFramework]!.AsObject().Select(p => p.Key).Where(k => k.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(extensions);
        Assert.All(extensions, k => Assert.True(targetFramework == "net8.0" ? !k.Contains("/10.", StringComparison.Ordinal) : k.EndsWith("/10.0.0", StringComparison.Ordinal), k));
        foreach (var (id, version) in pinned)
        {
            Assert.Contains($"{id}/{version}", extensions);
        }

        if (targetFramework == "net10.0")
        {
            var run = LocalFeed.Run(consumer, "run", "--no-build");
            Assert.Contains("refused as expected", run);
            Assert.Contains("durable submit attempts = 3", run);
        }
    }

    /// <summary>An app as most are: configuration bound by AddOpperVideos, the client from the container, one call; and the durable jobs' registration and options.</summary>
    private const string FloorProgram = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using Opper.Typed;
        using Opper.Typed.Hangfire;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Opper:ApiKey"] = "op-test", ["Opper:BaseAddress"] = "http://127.0.0.1:9/", ["Opper:Retry:MaxRetries"] = "0",
        }).Build();
        await using var services = new ServiceCollection().AddOpperVideos(configuration.GetSection("Opper")).AddOpperVideoJobs(o => o.MaxSubmitAttempts = 3).BuildServiceProvider();
        var client = services.GetRequiredService<OpperVideoClient>();
        var jobs = services.GetRequiredService<IOptions<OpperVideoJobOptions>>().Value;   // validated by the package's IValidateOptions
        var wire = new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 }.ToWireRequest();
        try
        {
            await client.ListModelsAsync();   // port 9 (discard) is closed: the call goes through the whole handler chain and is refused
        }
        catch (HttpRequestException exception)
        {
            Console.WriteLine($"refused as expected ({exception.HttpRequestError}); durationSeconds = {wire.Parameters["durationSeconds"]}; durable submit attempts = {jobs.MaxSubmitAttempts}");
        }
        """;

    private const string Program = """
        using Opper.Typed;
        using Opper.Typed.Emulator;

        var typed = new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, Resolution = Veo31FastGenerate001Resolution.Resolution720p };
        var untyped = new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat")
        { Parameters = { ["durationSeconds"] = "4" } };
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
                var v = new VideoRequest("vertexai/veo-3.1-fast-generate-001", "x"); v.Parameters["durationSeconds"] = "4";
                v.Parameters.Add("duration_seconds", 4);
                var knob = new Veo31FastGenerate001Request("x") { AdditionalParameters = { ["new_knob"] = 1 } };
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
