using System.Reflection;
using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_docs_page_its_help_link_points_at_and_a_release_entry(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var page = Path.Combine(GeneratorHarness.RepoRoot, "docs", "diagnostics", id + ".md");
        var releases = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "generator", "Opper.Typed.Generator", "AnalyzerReleases.Unshipped.md"));

        Assert.True(File.Exists(page), $"missing {page}");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page));
        Assert.EndsWith($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(VideoTypesGenerator).Assembly.GetType("Opper.Typed.Generator.DiagnosticDescriptors")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
