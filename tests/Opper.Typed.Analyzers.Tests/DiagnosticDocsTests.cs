using Opper.Typed.Core.Rules;
using Opper.Typed.Generator.Analyzers;
using Opper.Typed.Generator.Diagnostics;
using Opper.Typed.Testing;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>
/// A rule's id is public in four places besides its own file: its page, its release-file line, its row in the
/// architecture table, and the analyzer. Each is checked against the rules themselves, so none can be forgotten and none
/// can outlive its rule.
/// </summary>
public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids() => [.. new VideoRequestAnalyzer().SupportedDiagnostics.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_analyzer_rule_is_documented_and_released(string id) =>
        DiagnosticDocs.AssertDocumented(new VideoRequestAnalyzer().SupportedDiagnostics.Single(d => d.Id == id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_analyzer_rule_has_a_row_in_the_architecture_table(string id)
    {
        var rows = DiagnosticDocs.ArchitectureRows();
        Assert.True(rows.TryGetValue(id, out var file), $"docs/architecture.md's table has no row for {id}");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, file)), $"{id}'s row names {file}, which does not exist");
    }

    /// <summary>The other way round: a page, a release line or a table row whose id no rule reports is stale.</summary>
    [Fact]
    public void Every_documented_or_released_id_is_a_diagnostic()
    {
        var analyzerIds = new VideoRequestAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        var ids = analyzerIds.Concat(Descriptors.SnapshotProblems.Select(d => d.Id)).Order().ToList();

        Assert.Equal(ids, DiagnosticDocs.ReleasedIds().Order());
        Assert.Equal(ids, DiagnosticDocs.PageIds().Order());
        Assert.Equal(analyzerIds.Order(), DiagnosticDocs.ArchitectureRows().Keys.Order());
    }

    /// <summary>A rule class the build did not list (a file not named <c>*Rule.cs</c>) would be silently skipped everywhere.</summary>
    [Fact]
    public void Every_request_rule_class_is_listed()
    {
        var classes = typeof(RequestRule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RequestRule)) && !t.IsAbstract).Select(t => t.Name).Order();
        Assert.Equal(classes, RequestRules.All.Select(r => r.GetType().Name).Order());
    }
}
