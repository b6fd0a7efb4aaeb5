using System.Diagnostics;
using System.Text.RegularExpressions;
using Opper.Typed.Testing;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>The analyzer in a real <c>dotnet build</c> of a consumer project: each marked misuse line gets its warning, nothing else does.</summary>
public sealed partial class AnalyzerBuildTests
{
    [Fact]
    public void Dotnet_build_reports_each_misuse_on_its_own_line()
    {
        var project = Path.Combine(RepositoryPaths.Root, "tests", "EndToEnd", "MisuseSample");
        var source = File.ReadAllLines(Path.Combine(project, "Misuse.cs"));
        var expected = source
            .Select((line, index) => (Line: index + 1, Match: Marker().Match(line)))
            .Where(x => x.Match.Success)
            .Select(x => $"{x.Line}:{x.Match.Groups[1].Value}")
            .Order()
            .ToArray();

        var output = Build(project, expectSuccess: true);

        var actual = Warning().Matches(output)
            .Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value}")
            .Distinct()
            .Order()
            .ToArray();
        Assert.True(expected.SequenceEqual(actual), $"expected [{string.Join(", ", expected)}]\nactual   [{string.Join(", ", actual)}]\n{output}");
        Assert.DoesNotContain("AD0001", output);
    }

    [Fact]
    public void A_broken_catalog_beside_the_emulator_reports_OPPER101_and_no_inaccessible_emulator_types()
    {
        var output = Build(Path.Combine(RepositoryPaths.Root, "tests", "EndToEnd", "BrokenCatalogConsumer"), expectSuccess: false);

        Assert.Contains("error OPPER101", output);
        Assert.Contains("broken-catalog.json", output);
        Assert.DoesNotContain("CS0122", output);
        // The only other error is the user's own use of a class the broken snapshot could not generate.
        Assert.All(Regex.Matches(output, @"error (\w+)").Select(m => m.Groups[1].Value).Distinct(), id => Assert.Contains(id, new[] { "OPPER101", "CS0246" }));
    }

    private static string Build(string project, bool expectSuccess)
    {
        // A fresh compile of the sample only: the solution build has built the runtime, generator and analyzers it uses,
        // and rebuilding those (--no-incremental) would rewrite files other test processes may be reading.
        foreach (var folder in new[] { "obj", "bin" }.Select(d => Path.Combine(project, d)).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet", ["build", project, "-p:BuildProjectReferences=false", "-nologo", "-v:q", "-clp:NoSummary"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build did not finish in 5 minutes");
        var output = stdout.Result + stderr.Result;
        Assert.True((process.ExitCode == 0) == expectSuccess, output);
        return output;
    }

    [GeneratedRegex(@"// (OPPER\d{3})\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"Misuse\.cs\((\d+),\d+\): warning (OPPER\d{3})")]
    private static partial Regex Warning();
}
