using System.Text.RegularExpressions;
using Opper.Typed.Testing;

namespace Opper.Typed.Package.Tests;

/// <summary>
/// The README's "Install" lines, run as written by bash: from a copy of the repository (its own obj and bin, so the
/// Release pack races no other build) into a new user's console project, with a home folder of its own, so the feed,
/// the NuGet source and the global tool land where a user's would and nothing of this machine's is touched.
/// </summary>
public sealed partial class InstallTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("opper-typed-install-").FullName;
    private string? _version;

    [Fact]
    public async Task The_readme_install_lines_work_into_a_new_project_and_install_the_cli()
    {
        var (clone, home) = (Path.Combine(_work, "clone"), Directory.CreateDirectory(Path.Combine(_work, "home")).FullName);
        await CopyRepositoryAsync(clone);
        var app = Path.Combine(_work, "your-app");
        await RunAsync(_work, home, "dotnet new console -o your-app --framework net10.0");

        LocalFeed.Progress("running the README's install lines (packs three packages in Release)");
        var install = await RunAsync(clone, home, InstallLines());

        var installed = Regex.Match(install, @"Tool 'opper\.typed\.cli' \(version '(0\.1\.0-local\.\d+)'\) was successfully installed");
        Assert.True(installed.Success, install);
        _version = installed.Groups[1].Value;
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Opper.Typed;
            using Opper.Typed.Emulator;

            await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
            using var client = new OpperVideoClient(emulator.CreateClientOptions());
            await client.GenerateToFileAsync(new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds8 }, "clip.mp4");
            Console.WriteLine($"clip bytes: {new FileInfo("clip.mp4").Length}");
            """);
        LocalFeed.Progress("building and running the new project");
        var run = await RunAsync(app, home, "dotnet run");
        var sora = await RunAsync(app, home, "\"$HOME/.dotnet/tools/opper-typed\" models | grep -c sora");

        Assert.Matches(@"clip bytes: \d{4,}", run);
        Assert.Equal("2", sora.Trim());
    }

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        // Only this run's version leaves the machine's cache: a developer's own local packs stay.
        foreach (var folder in new[] { "opper.typed", "opper.typed.emulator", "opper.typed.cli" }.Select(id => Path.Combine(PackageCache, id, _version ?? "none")))
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string PackageCache => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The fenced block between the README's install markers, exactly as a reader copies it.</summary>
    private static string InstallLines()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var block = InstallBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```bash block between <!-- install:begin --> and <!-- install:end -->");
        return block.Groups[1].Value;
    }

    /// <summary>The repository's files as git sees them (tracked and new, not ignored), without build output.</summary>
    private static async Task CopyRepositoryAsync(string clone)
    {
        var files = await ChildProcess.RunAsync(
            "git", ["-C", RepositoryPaths.Root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], directory: null, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));
        var list = files.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in list.Where(f => File.Exists(Path.Combine(RepositoryPaths.Root, f))))
        {
            var target = Path.Combine(clone, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepositoryPaths.Root, file), target);
        }
    }

    /// <summary>Runs a bash script with HOME (and so ~/.opper-feed, the NuGet config and ~/.dotnet/tools) in the test's folder.</summary>
    private static async Task<string> RunAsync(string directory, string home, string script)
    {
        var run = await ChildProcess.RunAsync("bash", ["-euo", "pipefail", "-c", script], directory, new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // The machine's package cache, not the new home's: nothing is downloaded again, and the fresh version keeps
            // the packs of this run apart from any other.
            ["NUGET_PACKAGES"] = PackageCache,
        }, TimeSpan.FromMinutes(10));
        Assert.True(run.Code == 0, $"{script}\nexited {run.Code}:\n{run.Output}");
        return run.Stdout;
    }

    [GeneratedRegex(@"<!-- install:begin[^>]*-->\s*```bash\n(.*?)```\s*<!-- install:end -->", RegexOptions.Singleline)]
    private static partial Regex InstallBlock();
}
