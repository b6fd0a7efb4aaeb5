using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Generator;

namespace Opper.Typed.Testing;

/// <summary>
/// A seeded mutator over the catalog snapshot and the parameters file, run through the real generator and compiler:
/// each case must neither throw, nor hang, nor generate code that does not compile. Used by the test suite (a few
/// hundred cases) and by <c>bench/Opper.Typed.Benchmarks -- fuzz-generator N</c> (the long run in docs/reliability.md).
/// </summary>
public sealed class SnapshotFuzzer(string catalogJson, string parametersJson)
{
    private static readonly string[] Hostile =
    [
        "", " ", "\u2028", "\u2029", "\u0085", "\r\n", "\0", "\"", "\\", "*/", "/*", "<c>", "&amp;", "class", "int", "@x", "1x", "_", "__value",
        "ModelId", "Prompt", "Catalog", "OpperVideoModels", "VideoRequest", "ToWire", "value", "parameters", "Équipe", "日本", "😀", "a\u200Bb",
        "x/y/z", "::", "--", "..", "1e400", "-0", new string('a', 600),
    ];

    /// <summary>What a run of cases found; a failure names its seed so it can be replayed.</summary>
    public sealed record Report(int Cases, int Exceptions, int NonCompiling, int Hangs, TimeSpan Slowest, IReadOnlyList<string> Failures);

    public Report Run(int seed, int cases, TimeSpan hangAfter)
    {
        var failures = new List<string>();
        int exceptions = 0, nonCompiling = 0, hangs = 0;
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = seed + i;
            var (catalog, parameters) = Mutate(new Random(caseSeed));
            var watch = Stopwatch.StartNew();
            var work = Task.Run(() => Check(catalog, parameters));
            if (!work.Wait(hangAfter))
            {
                hangs++;
                failures.Add($"seed {caseSeed}: no result after {hangAfter.TotalSeconds} s");
                continue;
            }

            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            switch (work.Result)
            {
                case (false, var why):
                    exceptions++;
                    failures.Add($"seed {caseSeed}: {why}");
                    break;
                case (true, { } why):
                    nonCompiling++;
                    failures.Add($"seed {caseSeed}: {why}");
                    break;
            }
        }

        return new Report(cases, exceptions, nonCompiling, hangs, slowest, failures);
    }

    /// <summary>Code that uses requests, so the analyzer has something to judge under every mutated snapshot.</summary>
    private const string Usage = """
        using Opper.Typed;
        static class Use
        {
            static object[] All() =>
            [
                new VideoRequest("openai/sora-2", "p") { Image = "http://localhost/cat.jpg", Parameters = { ["seconds"] = 4, ["size"] = "1x1" } },
                new VideoRequest("OPENAI/SORA-2", "p") { Parameters = { ["duration"] = 30 } },
                new OpperVideoClientOptions { ApiKey = "op-live-1" },
            ];
        }
        """;

    /// <summary>
    /// (ran, problem): ran=false when the generator or the analyzer threw; a problem when the generated code does not
    /// compile.
    /// </summary>
    private static (bool Ran, string? Problem) Check(string catalog, string parameters)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Fuzz", [CSharpSyntaxTree.ParseText(Usage, parse)], ConsumerReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        AdditionalText[] files = [new Text("/s/videos-models.json", catalog), new Text("/s/video-parameters.json", parameters)];
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new VideoTypesGenerator().AsSourceGenerator()], files, parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        if (driver.GetRunResult().Results.Single().Exception is { } exception)
        {
            return (false, exception.GetType().Name + ": " + exception.Message);
        }

        if (diagnostics.FirstOrDefault(d => d.Id.StartsWith("CS", StringComparison.Ordinal)) is { } generatorError)
        {
            return (false, generatorError.ToString());
        }

        var failures = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([.. files]), (exception, _, _) => { lock (failures) { failures.Add(exception); } }, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        output.WithAnalyzers([new Opper.Typed.Generator.Analyzers.VideoRequestAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (failures.Count > 0)
        {
            return (false, "analyzer: " + failures[0]);
        }

        var error = output.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
        return (true, error?.ToString());
    }

    private (string Catalog, string Parameters) Mutate(Random random)
    {
        var catalog = JsonNode.Parse(catalogJson)!.AsObject();
        var parameters = JsonNode.Parse(parametersJson)!.AsObject();
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            if (random.Next(3) == 0)
            {
                MutateParameters(parameters, random);
            }
            else
            {
                MutateCatalog(catalog, random);
            }
        }

        var catalogText = catalog.ToJsonString();
        var parametersText = parameters.ToJsonString();
        // Now and then a text-level edit: numbers no double holds, a cut-off file, stray characters.
        return random.Next(8) switch
        {
            0 => (catalogText.Replace("12", "1e400", StringComparison.Ordinal), parametersText),
            1 => (catalogText[..random.Next(catalogText.Length)], parametersText),
            2 => (catalogText, parametersText.Insert(random.Next(parametersText.Length), Pick(random, Hostile))),
            _ => (catalogText, parametersText),
        };
    }

    private static void MutateCatalog(JsonObject catalog, Random random)
    {
        var models = catalog["models"]!.AsArray();
        var model = models[random.Next(models.Count)]!.AsObject();
        switch (random.Next(9))
        {
            case 0:
                var copy = model.DeepClone().AsObject();
                var id = model["id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "x/y";
                copy["id"] = random.Next(2) == 0 ? id.ToUpperInvariant() : id + Pick(random, Hostile);
                models.Add(copy);
                break;
            case 1:
                model[Pick(random, ["id", "name", "provider", "description", "retired_at", "successor"])] = Pick(random, Hostile);
                break;
            case 2:
                model.Remove(Pick(random, ["id", "name", "capabilities", "description", "provider"]));
                break;
            case 3:
                model["capabilities"] = new JsonArray(Pick(random, ["video_generation", "image_to_video", "video_editing", "audio", ""]), "image_to_video", "image_to_video");
                break;
            case 4 when model["params"] is JsonObject { } p4 && p4["video"] is JsonObject video:
                video[Pick(random, ["aspect_ratios", "resolutions"])] = new JsonArray(Pick(random, Hostile), Pick(random, Hostile), "16:9", "16:9");
                break;
            case 5 when model["params"] is JsonObject { } p5 && p5["video"] is JsonObject video:
                video["max_duration"] = random.Next(3) switch { 0 => JsonValue.Create(-1), 1 => JsonValue.Create(double.MaxValue), _ => JsonValue.Create("12") };
                break;
            case 6:
                model["id"] = Pick(random, ["x/all", "x/catalog", "x/video", "x/i-video", "x/video-wire", "a-b/x", "a_b/x", "x/opper-video-models", "x/2x"]);
                break;
            case 7:
                model[Pick(random, ["id", "capabilities", "pricing", "params"])] = random.Next(2) == 0 ? JsonValue.Create(42) : new JsonObject();
                break;
            default:
                model["pricing"] = new JsonObject { ["price_per_second"] = random.Next(2) == 0 ? JsonValue.Create(1e300) : JsonValue.Create("free") };
                break;
        }
    }

    private static void MutateParameters(JsonObject parameters, Random random)
    {
        var providers = parameters["providers"]!.AsObject();
        var provider = providers.ElementAt(random.Next(providers.Count)).Value!.AsObject();
        var list = provider["parameters"]!.AsArray();
        switch (random.Next(6))
        {
            case 0:
                list.Add(JsonNode.Parse($$"""{ "name": {{JsonValue.Create(Pick(random, Hostile)).ToJsonString()}}, "type": "string" }"""));
                break;
            case 1 when list.Count > 0:
                list.Add(list[random.Next(list.Count)]!.DeepClone());
                break;
            case 2:
                list.Add(JsonNode.Parse(Pick(random,
                [
                    """{ "name": "frames", "type": "integer", "values": [4.5, 8] }""",
                    """{ "name": "frames", "type": "integer", "values": [99999999999999999999] }""",
                    """{ "name": "strength", "type": "number", "min": 1, "max": 0.5 }""",
                    """{ "name": "mode", "type": "string", "values": ["a", "A", "a"] }""",
                    """{ "name": "flag", "type": "boolean", "values": [true] }""",
                ])));
                break;
            case 3:
                var models = parameters["models"]?.AsObject() ?? [];
                parameters["models"] = models;
                models[Pick(random, ["openai/sora-2", "xai/grok-imagine-video", "x/none"])] = JsonNode.Parse("""{ "parameters": [ { "name": "seconds", "type": "string" }, { "name": "seconds", "type": "integer" } ] }""");
                break;
            case 4:
                provider["media"] = JsonNode.Parse("""{ "kinds": ["url", "url", "gcs"], "public_url_only": true, "image_size_parameter": "nope" }""");
                break;
            default:
                list.Add(JsonNode.Parse($$"""{ "name": "{{Pick(random, ["prompt", "model", "image", "store", "to_wire_request", "aspect_ratio", "aspectRatio", "additional_parameters"])}}", "type": "string" }"""));
                break;
        }
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private sealed class Text(string path, string content) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(content, Encoding.UTF8);
    }
}
