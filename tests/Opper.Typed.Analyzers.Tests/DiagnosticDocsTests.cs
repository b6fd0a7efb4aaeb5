using Opper.Typed.Generator.Analyzers;
using Opper.Typed.Testing;

namespace Opper.Typed.Analyzers.Tests;

public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids() => [.. new VideoRequestAnalyzer().SupportedDiagnostics.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_analyzer_rule_is_documented_and_released(string id) =>
        DiagnosticDocs.AssertDocumented(
            new VideoRequestAnalyzer().SupportedDiagnostics.Single(d => d.Id == id),
            "generator/Opper.Typed.Generator/AnalyzerReleases.Unshipped.md");

    [Fact]
    public void Rule_ids_are_the_public_ones() =>
        Assert.Equal(
            ["OPPER001", "OPPER002", "OPPER003", "OPPER004", "OPPER005", "OPPER006", "OPPER007", "OPPER008", "OPPER009", "OPPER010", "OPPER011", "OPPER012", "OPPER013"],
            new VideoRequestAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order());
}
