using System.Diagnostics;

namespace Opper.Typed.Testing;

/// <summary>
/// The packages as a user gets them: packed into a folder with a fresh version (so NuGet's cache never serves an older
/// pack), and consumer projects that restore from that folder beside the usual source. Removes what it created.
/// </summary>
internal sealed class LocalFeed : IDisposable
{
    private LocalFeed(string work, string version)
    {
        Work = work;
        Version = version;
        Folder = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
    }

    public string Work { get; }

    public string Folder { get; }

    public string Version { get; }

    /// <summary>Packs the projects (paths under the repository) into a new feed.</summary>
    /// <param name="configuration">Release builds them; Debug with <paramref name="noBuild"/> packs what the test run already built.</param>
    public static LocalFeed Pack(string configuration, bool noBuild, params string[] projects)
    {
        var feed = new LocalFeed(Directory.CreateTempSubdirectory("opper-typed-feed-").FullName, $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        foreach (var project in projects)
        {
            Progress($"packing {project} {feed.Version}");
            // --no-restore: the solution restore has run, and restoring again with another version would rewrite the
            // projects' assets files while other test processes build against them.
            string[] arguments = ["pack", Path.Combine(RepositoryPaths.Root, project), "--no-restore", "-c", configuration, "-o", feed.Folder, $"-p:Version={feed.Version}", "-nologo"];
            Run(RepositoryPaths.Root, noBuild ? [.. arguments, "--no-build"] : arguments);
        }

        return feed;
    }

    /// <summary>A console project referencing the given packages of this feed, with the given source files.</summary>
    /// <param name="name">The project's name and folder.</param>
    /// <param name="packages">Packages of this feed, at its version.</param>
    /// <param name="files">Source files by name.</param>
    /// <param name="properties">More MSBuild properties, as XML.</param>
    /// <param name="targetFramework">The app's target framework.</param>
    /// <param name="pinned">Other packages the app references itself, by id and exact version.</param>
    public string CreateConsumer(string name, string[] packages, IReadOnlyDictionary<string, string> files, string properties = "", string targetFramework = "net10.0", IReadOnlyDictionary<string, string>? pinned = null)
    {
        var consumer = Directory.CreateDirectory(Path.Combine(Work, name)).FullName;
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="opper-typed-test-feed" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
        var references = string.Concat(packages.Select(p => (Id: p, Version)).Concat((pinned ?? new Dictionary<string, string>()).Select(p => (Id: p.Key, Version: p.Value)))
            .Select(p => $"""    <PackageReference Include="{p.Id}" Version="{p.Version}" />{"\n"}"""));
        File.WriteAllText(Path.Combine(consumer, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {properties}
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(consumer, file), text);
        }

        return consumer;
    }

    public static string Run(string directory, params string[] arguments) => Run(directory, expectSuccess: true, arguments);

    public static string Run(string directory, bool expectSuccess, params string[] arguments)
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

    /// <summary>A line on the console during long phases, so a slow step is visible as it happens.</summary>
    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public void Dispose()
    {
        Directory.Delete(Work, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "opper.typed", "opper.typed.emulator", "opper.typed.cli", "opper.typed.hangfire" })
        {
            var folder = Path.Combine(cache, id, Version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
