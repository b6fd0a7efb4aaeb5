using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Opper.Typed.Benchmarks;

/// <summary>No .editorconfig and no MSBuild properties: the snapshot files are found by their names.</summary>
internal sealed class EmptyOptions : AnalyzerConfigOptionsProvider
{
    public static readonly EmptyOptions Instance = new();

    public override AnalyzerConfigOptions GlobalOptions => None.Instance;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None.Instance;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None.Instance;

    private sealed class None : AnalyzerConfigOptions
    {
        public static readonly None Instance = new();

        public override bool TryGetValue(string key, out string value)
        {
            value = "";
            return false;
        }
    }
}
