using Opper.Typed.Generator.Diagnostics;
using Opper.Typed.Testing;

namespace Opper.Typed.Generator.Tests;

public sealed class DiagnosticDocsTests
{
    public static TheoryData<string> Ids() => [.. Descriptors.SnapshotProblems.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_generator_diagnostic_is_documented_and_released(string id) =>
        DiagnosticDocs.AssertDocumented(Descriptors.SnapshotProblems.Single(d => d.Id == id));
}
