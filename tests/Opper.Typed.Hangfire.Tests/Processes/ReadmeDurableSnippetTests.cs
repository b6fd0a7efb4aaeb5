using System.Text.RegularExpressions;
using System.Xml.Linq;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>
/// The README's durable-jobs console app, as pasted into a new console project (the block between its
/// <c>durable-snippet</c> markers), built and run against the emulator through OPPER_BASE_URL and OPPER_API_KEY.
/// </summary>
public sealed partial class ReadmeDurableSnippetTests
{
    [Fact]
    public async Task The_readme_durable_snippet_builds_as_pasted_and_its_job_saves_the_clip_from_one_POST()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("Program.cs"), Snippet());
        await File.WriteAllTextAsync(folder.File("Snippet.csproj"), Project());

        var build = await ChildProcess.RunAsync("dotnet", ["build", "-nologo", "-v", "quiet"], folder.Path, new Dictionary<string, string?>(), TimeSpan.FromMinutes(5));
        Assert.True(build.Code == 0, build.Output);

        var environment = new Dictionary<string, string> { ["OPPER_API_KEY"] = emulator.ApiKey, ["OPPER_BASE_URL"] = emulator.BaseAddress.ToString() };
        await using var app = RunningProcess.StartProgram(Path.Combine(folder.Path, "bin", "Debug", "net10.0", "Snippet.dll"), folder.Path, environment);
        await app.LineAsync(line => line.Contains("0 need attention. Ctrl+C to stop", StringComparison.Ordinal), "the snippet's line", TimeSpan.FromSeconds(60));
        // A clip is renamed into place only when whole, so its presence is its completion.
        var clip = Path.Combine(folder.Path, "clips", "balloon.mp4");
        await Until.TrueAsync(() => File.Exists(clip), "clips/balloon.mp4", TimeSpan.FromSeconds(90));

        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(clip), 4, 4));
        Assert.Single(emulator.Requests, request => request.Method == "POST");
    }

    /// <summary>The fenced block between the README's markers, not a word changed.</summary>
    private static string Snippet()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var block = SnippetBlock().Match(readme);
        Assert.True(block.Success, "README.md has no durable-snippet block");
        return block.Groups["code"].Value;
    }

    /// <summary>
    /// What `dotnet new console` and the README's `dotnet add package` lines make, with the repository's projects in
    /// place of the packed ones (packing is the Package tests' work) and the versions the repository pins.
    /// </summary>
    private static string Project()
    {
        var root = RepositoryPaths.Root.TrimEnd('/') + "/";
        var pinned = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        string[] packages = ["Hangfire.NetCore", "Hangfire.Storage.SQLite", "Microsoft.Extensions.Hosting", "sqlite-net-pcl", "SourceGear.sqlite3"];
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RepositoryRoot>{root}</RepositoryRoot>
              </PropertyGroup>
              <Import Project="{root}build/UseOpperTyped.props" />
              <ItemGroup>
                <ProjectReference Include="{root}src/Opper.Typed.Hangfire/Opper.Typed.Hangfire.csproj" />
                {string.Concat(packages.Select(id => $"""<PackageReference Include="{id}" Version="{pinned[id]}" />"""))}
              </ItemGroup>
            </Project>
            """;
    }

    [GeneratedRegex(@"<!-- durable-snippet:begin[^>]*-->\s*```csharp\n(?<code>.*?)```\s*<!-- durable-snippet:end -->", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();
}
