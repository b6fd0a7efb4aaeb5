using System.Diagnostics;
using System.Text.Json.Nodes;
using Opper.Typed.Testing;

namespace Opper.Typed.Package.Tests;

/// <summary>
/// The package as a user gets it: packed to a folder, referenced by a fresh console project through a nuget.config
/// beside the usual source, built and run. A fresh version per run keeps NuGet's cache from serving an older pack.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("opper-typed-package-").FullName;
    private readonly string _version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    [Fact]
    public void A_user_project_gets_typed_classes_warnings_a_custom_snapshot_and_the_emulator()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        foreach (var project in new[] { "src/Opper.Typed", "src/Opper.Typed.Emulator" })
        {
            // --no-restore: the solution restore has run, and restoring again with another version would rewrite the
            // projects' assets files while other test processes build against them.
            Run(RepositoryPaths.Root, "pack", Path.Combine(RepositoryPaths.Root, project), "--no-restore", "-c", "Release", "-o", feed, $"-p:Version={_version}", "-nologo");
        }

        Assert.True(File.Exists(Path.Combine(feed, $"Opper.Typed.{_version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"Opper.Typed.{_version}.snupkg")));
        var consumer = CreateConsumer(feed);

        // Default snapshot: the typed classes resolve, the misuse line warns, and the emulator generates a real clip.
        var build = Run(consumer, "build", "-nologo");
        Assert.Contains("Program.cs(6,", LineOf(build, "warning OPPER006"));
        // Values the analyzer follows beyond the initializer: each misuse line of Followed.cs warns with its rule.
        foreach (var (line, rule) in new[] { (7, "OPPER001"), (8, "OPPER002"), (9, "OPPER006"), (10, "OPPER005") })
        {
            Assert.Contains(build.Split('\n'), l => l.Contains($"Followed.cs({line},", StringComparison.Ordinal) && l.Contains($"warning {rule}", StringComparison.Ordinal));
        }

        var run = Run(consumer, "run", "--no-build");
        Assert.Contains("clip bytes:", run);
        Assert.True(new FileInfo(Path.Combine(consumer, "clip.mp4")).Length > 1000);

        // A custom snapshot through OpperVideoCatalog: a model only it has gets its class.
        File.WriteAllText(Path.Combine(consumer, "Extra.cs"), "namespace Consumer; static class Extra { public static object Make() => new Opper.Typed.GrokImagineVideo15Request(\"p\") { Duration = 3 }; }");
        var withoutSnapshot = Run(consumer, expectSuccess: false, "build", "-nologo");
        Assert.Contains("GrokImagineVideo15Request", withoutSnapshot);
        Assert.Contains("error CS0234", withoutSnapshot); // no such type in namespace Opper.Typed without the custom snapshot
        Run(consumer, "build", "-nologo", $"-p:OpperVideoCatalog={WriteCustomCatalog(consumer)}");
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "opper.typed", "opper.typed.emulator" })
        {
            var folder = Path.Combine(cache, id, _version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string LineOf(string output, string marker) =>
        output.Split('\n').First(l => l.Contains(marker, StringComparison.Ordinal));

    private string CreateConsumer(string feed)
    {
        var consumer = Directory.CreateDirectory(Path.Combine(_work, "Consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="opper-typed-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Opper.Typed" Version="{_version}" />
                <PackageReference Include="Opper.Typed.Emulator" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
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
            """);
        File.WriteAllText(Path.Combine(consumer, "Followed.cs"), """
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
            """);
        return consumer;
    }

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

    private static string Run(string directory, params string[] arguments) => Run(directory, expectSuccess: true, arguments);

    private static string Run(string directory, bool expectSuccess, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"dotnet {string.Join(' ', arguments)} did not finish in 5 minutes");
        var output = stdout.Result + stderr.Result;
        Assert.True(expectSuccess == (process.ExitCode == 0), $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
