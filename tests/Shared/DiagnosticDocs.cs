using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Opper.Typed.Testing;

/// <summary>Every diagnostic has a docs page that its help link points at, and an entry in its release file.</summary>
internal static class DiagnosticDocs
{
    public static IEnumerable<DiagnosticDescriptor> DescriptorsOf(Type holder) =>
        holder.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    public static void AssertDocumented(DiagnosticDescriptor descriptor, string releasesFile)
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", descriptor.Id + ".md");
        var releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, releasesFile));

        Assert.True(File.Exists(page), $"missing {page}");
        Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", File.ReadAllText(page));
        Assert.EndsWith($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
        Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases);
    }
}
