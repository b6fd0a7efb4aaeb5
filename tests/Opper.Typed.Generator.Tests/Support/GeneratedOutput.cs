using Microsoft.CodeAnalysis;

namespace Opper.Typed.Generator.Tests.Support;

/// <summary>What a generator run over hostile input must still be: no exception, compiling code, and only the types it means to write.</summary>
internal static class GeneratedOutput
{
    /// <summary>Runs the generator and asserts it did not throw and its output compiles with no warning; returns the run.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Run) AssertClean(TestFile[] files, string because)
    {
        var (output, run, generatorDiagnostics) = GeneratorHarness.Run(files);

        Assert.True(run.Results.Single().Exception is null, $"{because}: the generator threw {run.Results.Single().Exception}");
        Assert.Empty(generatorDiagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"{because}: {string.Join("\n", problems.Take(5))}");
        return (output, run);
    }

    /// <summary>Every type the compilation declares in source, by metadata name.</summary>
    public static IReadOnlyList<string> DeclaredTypes(Compilation output) =>
        output.SyntaxTrees.SelectMany(t => output.GetSemanticModel(t).SyntaxTree.GetRoot()
                .DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Select(d => output.GetSemanticModel(t).GetDeclaredSymbol(d)!.ToDisplayString()))
            .ToList();
}
