using Opper.Typed.Generator.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Generator.Tests.Hostile;

/// <summary>A few hundred seeded mutations of the snapshot files through the generator and the compiler (the long run is in bench/, see docs/reliability.md).</summary>
public sealed class FuzzTests
{
    [Fact]
    public void Mutated_snapshots_never_crash_hang_or_generate_code_that_does_not_compile()
    {
        var fuzzer = new SnapshotFuzzer(GeneratorHarness.SchemaText("videos-models.json"), GeneratorHarness.SchemaText("video-parameters.json"));

        var report = fuzzer.Run(seed: 20261125, cases: 200, hangAfter: TimeSpan.FromMinutes(2));

        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(10)));
        Assert.Equal((200, 0, 0, 0), (report.Cases, report.Exceptions, report.NonCompiling, report.Hangs));
    }
}
