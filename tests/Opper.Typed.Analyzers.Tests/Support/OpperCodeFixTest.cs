using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Opper.Typed.Generator;
using Opper.Typed.Generator.Analyzers;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Analyzers.Tests.Support;

/// <summary>
/// Roslyn's own code-fix test runner (Microsoft.CodeAnalysis.CSharp.CodeFix.Testing) set up as a consumer project: the
/// generator runs, the snapshot is an additional file, Opper.Typed is referenced. It applies the fix to each marked
/// diagnostic, then Fix All in document, project and solution scope, and requires the fixed code to compile with no
/// diagnostic left but those the fixed markup declares.
/// </summary>
internal sealed class OpperCodeFixTest<TFix> : CSharpCodeFixTest<VideoRequestAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public OpperCodeFixTest(string source, string fixedSource, TestFile[]? files = null)
    {
        // No reference-assembly package (offline): the test host's own framework and Opper.Typed, as the generator tests use.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestCode = source;
        FixedCode = fixedSource;
        foreach (var state in new[] { TestState, FixedState })
        {
            state.AdditionalReferences.AddRange(GeneratorHarness.Compilation().References);
            foreach (var file in files ?? Snapshot.LiveSoraFiles)
            {
                state.AdditionalFiles.Add((file.Path, file.Content));
            }
        }

        // The generated classes are the generator tests' subject (golden files); here they only have to exist.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        // Advice that most cases trigger by the way; a test about it enables it again.
        DisabledDiagnostics.AddRange(["OPPER010", "OPPER013"]);
    }

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(VideoTypesGenerator)];

    protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
