using Opper.Typed.Analyzers.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>The analyzer must never throw into a build or an IDE (an AD0001 is a bug), whatever code it meets.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Broken => new()
    {
        """class A { object M() => new VideoRequest("openai/sora-2", """,
        """class A { object M() => new VideoRequest( { Image = "https://x" } """,
        """class A { object M() => new VideoRequest("xai/grok-imagine-video", "p") { Parameters = { [ = 6, ["duration"] = } }; }""",
        """class A { object M() => new VideoRequest(42, null) { Image = 7, Video = MediaInput.FromUrl() }; }""",
        """class A { object M() => new UnknownRequest("p") { Image = "https://x" }; }""",
        """class A { object M() => new VideoRequest("openai/sora-2", "p") { Parameters = { [null!] = null, ["seconds"] = default } }; }""",
        """class A { object M() => new Sora2Request("p") { Seconds = (Sora2Seconds)99, Image = MediaInput.FromGcs(null!) }; }""",
        """class A { object M() => new GrokImagineVideoRequest("p") { Duration = int.MaxValue, Image = "" }; }""",
        """class A { object M() => new VideoRequest("openai/sora-2", "p") { Parameters = { ["seconds"] = double.NaN, ["size"] = 1e308 } }; }""",
        """class A { void M(OpperVideoClientOptions o) { o.ApiKey = ; o.ApiKey = null; o.ApiKey = ""; } }""",
        """class A { object M() => new VideoRequest("\u0000\uFFFF", "p") { Image = "http://[::1" }; }""",
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Broken_code_yields_no_analyzer_exception(string body) =>
        await AnalyzerHarness.AnalyzeAsync("using Opper.Typed;\n" + body);

    [Fact]
    public async Task Every_source_file_of_the_repository_yields_no_analyzer_exception()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.Root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToArray();

        Assert.True(sources.Length > 100, $"{sources.Length} files");
        // Compilations full of duplicate types and missing references: the analyzer sees all of it and must not throw.
        foreach (var chunk in sources.Chunk(40))
        {
            await AnalyzerHarness.AnalyzeAsync(chunk);
        }
    }
}
