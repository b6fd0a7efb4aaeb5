using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

/// <summary>
/// The generated source for the checked-in snapshot, compared with reviewed files under Golden/. After a deliberate
/// change, run with OPPER_UPDATE_GOLDEN=1 and review the diff before committing it.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly string GoldenDirectory = Path.Combine(GeneratorHarness.RepoRoot, "tests", "Opper.Typed.Generator.Tests", "Golden");

    [Fact]
    public void Generated_source_matches_the_reviewed_golden_files()
    {
        var (_, run, _) = GeneratorHarness.Run();
        var generated = run.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        if (Environment.GetEnvironmentVariable("OPPER_UPDATE_GOLDEN") == "1")
        {
            foreach (var stale in Directory.GetFiles(GoldenDirectory, "*.g.cs"))
            {
                File.Delete(stale);
            }

            foreach (var (name, text) in generated)
            {
                File.WriteAllText(Path.Combine(GoldenDirectory, name), text);
            }
        }

        var golden = Directory.GetFiles(GoldenDirectory, "*.g.cs").ToDictionary(p => Path.GetFileName(p), File.ReadAllText);
        Assert.Equal(golden.Keys.Order(), generated.Keys.Order());
        var differences = generated.Where(g => golden[g.Key] != g.Value).Select(g => $"{g.Key}: {LineDiff.Describe(golden[g.Key], g.Value)}").ToList();
        Assert.True(differences.Count == 0, "generated source differs from its golden file; review the change, then re-record with OPPER_UPDATE_GOLDEN=1.\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_checked_in_snapshot_yields_one_class_per_model_and_the_registry()
    {
        var (_, run, diagnostics) = GeneratorHarness.Run();

        Assert.Empty(diagnostics);
        Assert.Empty(run.Diagnostics);
        var names = run.Results.Single().GeneratedSources.Select(s => s.HintName).Order().ToArray();
        Assert.Equal(
            [
                "GrokImagineVideoRequest.g.cs", "Happyhorse10I2vRequest.g.cs", "Happyhorse10T2vRequest.g.cs", "OpperVideoModels.g.cs",
                "Sora2ProRequest.g.cs", "Sora2Request.g.cs", "VaceRequest.g.cs", "Veo31FastGenerate001Request.g.cs",
                "Veo31Generate001Request.g.cs", "WanI2vRequest.g.cs", "WanT2vRequest.g.cs",
            ],
            names);
    }
}
