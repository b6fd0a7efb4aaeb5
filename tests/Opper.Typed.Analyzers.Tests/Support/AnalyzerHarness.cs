using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Opper.Typed.Generator.Analyzers;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Analyzers.Tests.Support;

/// <summary>Runs the analyzer as a build would: over the user's code plus the generated classes, with the snapshot as additional files.</summary>
internal static class AnalyzerHarness
{
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, TestFile[]? files = null) => AnalyzeAsync([source], files);

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string[] sources, TestFile[]? files = null)
    {
        files ??= Snapshot.LiveSoraFiles;
        var (output, _, _) = GeneratorHarness.Run(files, sources);
        var failures = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([.. files.Cast<AdditionalText>()], new TestOptionsProvider(files, new Dictionary<string, string>())),
            onAnalyzerException: (exception, _, _) => { lock (failures) { failures.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await output.WithAnalyzers([new VideoRequestAnalyzer()], options).GetAnalyzerDiagnosticsAsync();

        // An analyzer exception is an AD0001 in the user's build: none may happen, on any input.
        Assert.Empty(failures);
        return await Task.FromResult(diagnostics.Where(d => d.Id.StartsWith("OPPER", StringComparison.Ordinal)).ToImmutableArray());
    }

    /// <summary>The source text under a diagnostic: exact spans, without markup.</summary>
    public static string SpanText(this Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    public static string Wrap(string expression) => $$"""
        using Opper.Typed;
        class Use
        {
            object M() => {{expression}};
        }
        """;
}
