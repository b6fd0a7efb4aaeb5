using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Opper.Typed.Testing;

/// <summary>Every diagnostic has a docs page that its help link points at, and an entry in its release file.</summary>
internal static partial class DiagnosticDocs
{
    public const string ReleasesFile = "generator/Opper.Typed.Generator/AnalyzerReleases.Unshipped.md";

    public static void AssertDocumented(DiagnosticDescriptor descriptor)
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", descriptor.Id + ".md");
        var releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ReleasesFile));

        Assert.True(File.Exists(page), $"missing {page}");
        Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", File.ReadAllText(page));
        Assert.EndsWith($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
        Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases);
    }

    /// <summary>The ids of the release file's rule rows.</summary>
    public static IEnumerable<string> ReleasedIds() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, ReleasesFile)).Select(l => ReleaseRow().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value);

    /// <summary>The ids that have a page under docs/diagnostics.</summary>
    public static IEnumerable<string> PageIds() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics"), "*.md").Select(Path.GetFileNameWithoutExtension)!;

    /// <summary>The rows of docs/architecture.md's "Where each rule lives" table: id and the file it names.</summary>
    public static Dictionary<string, string> ArchitectureRows() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md")).Select(l => ArchitectureRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"^(OPPER\d{3}) \|")]
    private static partial Regex ReleaseRow();

    [GeneratedRegex(@"^\| (OPPER\d{3}) \| [^|]+ \| `([^`]+)` \|")]
    private static partial Regex ArchitectureRow();
}
