using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Testing;

namespace Opper.Typed.Generator.Tests.Support;

/// <summary>Runs the generator as the compiler would: a compilation, additional files with metadata, MSBuild properties.</summary>
internal static class GeneratorHarness
{
    public static string RepoRoot => RepositoryPaths.Root;

    public static string SchemaText(string name) => File.ReadAllText(RepositoryPaths.Schema(name));

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"Source{i}.cs")),
        ConsumerReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<TestFile> files, IReadOnlyDictionary<string, string>? properties = null) =>
        CSharpGeneratorDriver.Create(
            [new VideoTypesGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)f),
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new TestOptionsProvider(files, properties ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs over the default schema (or the given files) and returns the output compilation and the run.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(IEnumerable<TestFile>? files = null, params string[] sources)
    {
        var driver = Driver(files ?? DefaultFiles()).RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out var diagnostics);
        return (output, driver.GetRunResult(), diagnostics);
    }

    public static TestFile[] DefaultFiles(string? catalog = null, string? parameters = null) =>
    [
        new TestFile("/schema/videos-models.json", catalog ?? SchemaText("videos-models.json"), "catalog"),
        new TestFile("/schema/video-parameters.json", parameters ?? SchemaText("video-parameters.json"), "parameters"),
    ];
}

/// <summary>An additional file with its OpperVideoFile metadata (null: found by name, as without the props).</summary>
internal sealed class TestFile(string path, string text, string? role) : AdditionalText
{
    public override string Path { get; } = path;

    public string? Role { get; } = role;

    public string Content { get; } = text;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(Content, Encoding.UTF8);
}

internal sealed class TestOptionsProvider(IEnumerable<TestFile> files, IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, TestFile> _files = files.ToDictionary(f => f.Path);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _files.TryGetValue(textFile.Path, out var file) && file.Role is not null
            ? new Options(new Dictionary<string, string> { [VideoTypesGenerator.RoleMetadata] = file.Role })
            : Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
