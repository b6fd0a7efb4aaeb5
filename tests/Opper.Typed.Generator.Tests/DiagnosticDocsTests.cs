using Opper.Typed.Generator.Diagnostics;
using Opper.Typed.Testing;

namespace Opper.Typed.Generator.Tests;

public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids() => [.. DiagnosticDocs.DescriptorsOf(typeof(DiagnosticDescriptors)).Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_generator_diagnostic_is_documented_and_released(string id) =>
        DiagnosticDocs.AssertDocumented(
            DiagnosticDocs.DescriptorsOf(typeof(DiagnosticDescriptors)).Single(d => d.Id == id),
            "generator/Opper.Typed.Generator/AnalyzerReleases.Unshipped.md");
}
