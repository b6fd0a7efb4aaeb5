using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Generator;
using Opper.Typed.Testing;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// What the generator costs a build and a keystroke, by catalog size: a cold run (a fresh build), a run after an
/// unrelated source edit (what typing costs in the IDE), and a run after one model's entry changed.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private InMemoryText _catalog = null!;
    private InMemoryText _editedCatalog = null!;
    private InMemoryText _parameters = null!;
    private GeneratorDriver _warmDriver = null!;
    private string[] _generatedTexts = null!;

    [Params(10, 100, 1000)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var catalog = Catalog(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")), Models);
        _catalog = new InMemoryText("/schema/videos-models.json", catalog.ToJsonString());
        catalog["models"]![0]!["description"] = "edited";
        _editedCatalog = new InMemoryText("/schema/videos-models.json", catalog.ToJsonString());
        _parameters = new InMemoryText("/schema/video-parameters.json", File.ReadAllText(RepositoryPaths.Schema("video-parameters.json")));

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(IVideoRequest).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        _compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("class A { }")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { void M() { } }"));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _generatedTexts = _warmDriver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => CreateDriver().RunGenerators(_compilation);

    /// <summary>
    /// The floor under <see cref="Cold"/>: no generator, only what any generator that emits these same files as strings
    /// must do with them. Each file's text is copied out of its builder into a string and kept, as <c>AddSource</c> keeps every
    /// text for as long as the driver lives. How this grows with the catalog is the garbage collector's doing, not the
    /// generator's; <see cref="Cold"/> minus this approximates what the generator's own work costs.
    /// </summary>
    [Benchmark]
    public SourceText[] KeepTextsOnly()
    {
        var kept = new SourceText[_generatedTexts.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = SourceText.From(new string(_generatedTexts[i].AsSpan()), Encoding.UTF8);
        }

        return kept;
    }

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warmDriver.RunGenerators(_editedCompilation);

    [Benchmark]
    public GeneratorDriver OneModelEdited() => _warmDriver.ReplaceAdditionalText(_catalog, _editedCatalog).RunGenerators(_compilation);

    private CSharpGeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new VideoTypesGenerator().AsSourceGenerator()],
        [_catalog, _parameters],
        CSharpParseOptions.Default,
        EmptyOptions.Instance);

    /// <summary>The checked-in models repeated under new ids until there are <paramref name="count"/>.</summary>
    private static JsonObject Catalog(string snapshot, int count)
    {
        var source = JsonNode.Parse(snapshot)!["models"]!.AsArray();
        var models = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var model = source[i % source.Count]!.DeepClone().AsObject();
            model["id"] = $"{(string)model["id"]!}-b{i}";
            models.Add(model);
        }

        return new JsonObject { ["models"] = models, ["total"] = count, ["offset"] = 0, ["limit"] = count };
    }
}
