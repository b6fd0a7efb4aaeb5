using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Opper.Typed.Generator;
using Opper.Typed.Generator.Analyzers;
using Opper.Typed.Testing;

using static Opper.Typed.Testing.Statistics;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// What the analyzer adds to a compilation: a consumer of 50 files with 500 request sites (typed, untyped that could be
/// typed, misuse) among ordinary code, with the generated classes in it as in a real build. <c>Compile</c> binds and
/// checks everything (the compiler's own work); <c>CompileWithAnalyzer</c> also runs <see cref="VideoRequestAnalyzer"/>.
/// The goal: the difference is ≤ 3% of <c>Compile</c>. <c>NoOpperReference</c> is a project that does not use Opper.Typed.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private const int Files = 50;
    private const int SitesPerFile = 10;
    private ImmutableArray<SyntaxTree> _consumer;
    private ImmutableArray<SyntaxTree> _plain;
    private AnalyzerOptions _options = null!;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = [new VideoRequestAnalyzer()];
    // One thread: on a 2-core machine a concurrent build's timings vary more than the analyzer costs.
    private readonly CSharpCompilationOptions _compilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);

    [GlobalSetup]
    public void Setup()
    {
        var catalog = new InMemoryText("/schema/videos-models.json", File.ReadAllText(RepositoryPaths.Schema("videos-models.json")));
        var parameters = new InMemoryText("/schema/video-parameters.json", File.ReadAllText(RepositoryPaths.Schema("video-parameters.json")));
        _options = new AnalyzerOptions([catalog, parameters], EmptyOptions.Instance);
        var sources = Enumerable.Range(0, Files).Select(f => CSharpSyntaxTree.ParseText(ConsumerFile(f), path: $"/src/Requests{f}.cs")).ToList();
        // The generated request classes join the compilation, as the generator's output does in a build.
        var seed = CSharpCompilation.Create("Consumer", sources, ConsumerReferences.All, _compilationOptions);
        CSharpGeneratorDriver.Create([new VideoTypesGenerator().AsSourceGenerator()], [catalog, parameters], CSharpParseOptions.Default, EmptyOptions.Instance)
            .RunGeneratorsAndUpdateCompilation(seed, out var withGenerated, out _);
        _consumer = [.. withGenerated.SyntaxTrees];
        _plain = [.. Enumerable.Range(0, Files).Select(f => CSharpSyntaxTree.ParseText(PlainFile(f), path: $"/src/Plain{f}.cs"))];
        var errors = Fresh(_consumer).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark consumer does not compile: " + errors[0]);
        }
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> Compile() => Fresh(_consumer).GetDiagnostics();

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> CompileWithAnalyzer() => Fresh(_consumer).WithAnalyzers(_analyzers, _options).GetAllDiagnosticsAsync();

    [Benchmark]
    public ImmutableArray<Diagnostic> NoOpperReferenceCompile() => Fresh(_plain, WithoutOpper).GetDiagnostics();

    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> NoOpperReferenceWithAnalyzer() => Fresh(_plain, WithoutOpper).WithAnalyzers(_analyzers, _options).GetAllDiagnosticsAsync();

    /// <summary>
    /// The analyzer's share of a compilation, as <c>-p:ReportAnalyzer=true</c> would put it: the time a compilation
    /// with <see cref="VideoRequestAnalyzer"/> takes beyond the same compilation with an analyzer that does nothing
    /// (so Roslyn's own analyzer driver is on both sides), over the compiler's bind-and-check time. Medians of
    /// <paramref name="runs"/> fresh compilations, the four measured inside each run in an order that turns.
    /// </summary>
    public static int ReportShare(int runs)
    {
        var bench = new AnalyzerBenchmarks();
        bench.Setup();
        ImmutableArray<DiagnosticAnalyzer> idle = [new IdleAnalyzer()];
        ImmutableArray<DiagnosticAnalyzer> idleOperations = [new IdleAnalyzer(operations: true)];
        var reported = 0;
        var (compile, withIdle, withOpper, withOperations) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        (List<double> Times, Action Run)[] variants =
        [
            (compile, () => bench.Compile()),
            (withIdle, () => bench.Fresh(bench._consumer).WithAnalyzers(idle, SingleThreaded(bench._options)).GetAllDiagnosticsAsync().GetAwaiter().GetResult()),
            (withOperations, () => bench.Fresh(bench._consumer).WithAnalyzers(idleOperations, SingleThreaded(bench._options)).GetAllDiagnosticsAsync().GetAwaiter().GetResult()),
            (withOpper, () => reported = bench.Fresh(bench._consumer).WithAnalyzers(bench._analyzers, SingleThreaded(bench._options)).GetAllDiagnosticsAsync().GetAwaiter().GetResult()
                .Count(d => d.Id.StartsWith("OPPER", StringComparison.Ordinal))),
        ];
        for (var run = 0; run <= runs; run++)
        {
            // The order turns each run, so no variant always runs first or last (a fixed order skewed the download command).
            for (var position = 0; position < variants.Length; position++)
            {
                var (times, action) = variants[(run + position) % variants.Length];
                var elapsed = Time(action);
                if (run > 0)
                {
                    // Run 0 pays the JIT and Roslyn's warm-up; a build server is warm.
                    times.Add(elapsed);
                }
            }
        }

        var (c, i, o, p) = (Median(compile), Median(withIdle), Median(withOpper), Median(withOperations));
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
            consumer: {Files} files, {Files * SitesPerFile} request sites, {reported} OPPER diagnostics
            compile (bind + check)                   {c:0.0} ms
            with an idle analyzer                    {i:0.0} ms
            with VideoRequestAnalyzer                {o:0.0} ms
            with an analyzer of operations doing nothing {p:0.0} ms (what any operation analyzer costs, shared by all)
            VideoRequestAnalyzer's share             {(o - i) / c:P1} of the compilation ({runs} runs, medians)
            … beyond the operation trees             {(o - p) / c:P1}
            """));
        return 0;
    }

    private static CompilationWithAnalyzersOptions SingleThreaded(AnalyzerOptions options) =>
        new(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    /// <summary>Processor time of the whole process (the work, whichever thread did it), after a full collection.</summary>
    private static double Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }

    /// <summary>Registers one action that does nothing: Roslyn's analyzer driver runs, no analysis does.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class IdleAnalyzer(bool operations = false) : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(_ => { });
            if (operations)
            {
                context.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.With, OperationKind.SimpleAssignment);
            }
        }
    }

    /// <summary>
    /// Writes the same 500-site consumer as a project of this repository (under <paramref name="folder"/>, which must be
    /// inside it so <c>build/UseOpperTyped.props</c> resolves), to measure in a real build:
    /// <c>dotnet build FOLDER -p:ReportAnalyzer=true -v:detailed</c> prints each analyzer's and generator's time.
    /// </summary>
    public static int WriteConsumer(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "AnalyzerConsumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="$(RepositoryRoot)build/UseOpperTyped.props" />
              <PropertyGroup>
                <TargetFramework>$(OpperAppTarget)</TargetFramework>
                <IsPackable>false</IsPackable>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <!-- -p:OpperAnalyzerMode=off: every OPPER rule off, so Roslyn never runs VideoRequestAnalyzer (the baseline);
                   quiet: only OPPER009 left on, which this consumer never trips, so the analyzer does all its work and
                   the build logs none of its warnings (logging them is the build's cost, not the analyzer's). -->
              <ItemGroup Condition="'$(OpperAnalyzerMode)' != ''">
                <GlobalAnalyzerConfigFiles Include="$(OpperAnalyzerMode).globalconfig" />
              </ItemGroup>
            </Project>
            """);
        var rules = new VideoRequestAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        File.WriteAllText(Path.Combine(folder, "off.globalconfig"), SeverityNone(rules));
        File.WriteAllText(Path.Combine(folder, "quiet.globalconfig"), SeverityNone(rules.Where(id => id != "OPPER009")));
        for (var file = 0; file < Files; file++)
        {
            File.WriteAllText(Path.Combine(folder, $"Requests{file}.cs"), ConsumerFile(file));
        }

        Console.WriteLine($"wrote {Files} files with {Files * SitesPerFile} request sites to {folder}");
        return 0;
    }

    private static string SeverityNone(IEnumerable<string> rules) =>
        "is_global = true\n" + string.Concat(rules.Select(id => $"dotnet_diagnostic.{id}.severity = none\n"));

    private static readonly ImmutableArray<MetadataReference> WithoutOpper =
        [.. ConsumerReferences.All.Where(r => !Path.GetFileName(r.Display ?? "").StartsWith("Opper.Typed", StringComparison.Ordinal))];

    /// <summary>A new compilation over the same trees: nothing bound yet, as at the start of a build.</summary>
    private CSharpCompilation Fresh(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference>? references = null) =>
        CSharpCompilation.Create("Consumer", trees, references ?? ConsumerReferences.All, _compilationOptions);

    private static string ConsumerFile(int file)
    {
        var text = new StringBuilder($$"""
            using System.Collections.Generic;
            using System.Text;
            using Opper.Typed;
            namespace Consumer;
            public static class Requests{{file}}
            {

            """);
        for (var site = 0; site < SitesPerFile; site++)
        {
            var request = (site % 4) switch
            {
                0 => $$"""new Veo31FastGenerate001Request("a cat {{site}}") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, Resolution = Veo31FastGenerate001Resolution.Resolution720p }""",
                1 => $$"""new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat {{site}}") { Parameters = { ["durationSeconds"] = 4, ["resolution"] = "720p" } }""",
                2 => $$"""new VideoRequest("vertexai/veo-3.1-generate-001", "a dog") { Parameters = { ["durationSeconds"] = 8, ["resolution"] = "720p" } }""",
                _ => $$"""new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a bird") { Parameters = { ["durationSeconds"] = "4" } }""",
            };
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                    public static IVideoRequest Site{{site}}(List<string> log)
                    {
                        var builder = new StringBuilder().Append("site").Append({{site}});
                        log.Add(builder.ToString());
                        var seen = new HashSet<string>(log) { "x" };
                        var pairs = new Dictionary<string, int> { ["a"] = seen.Count };
                        return {{request}};
                    }

                """);
        }

        return text.Append("}\n").ToString();
    }

    private static string PlainFile(int file)
    {
        var text = new StringBuilder($"using System.Collections.Generic;\nusing System.Text;\nnamespace Plain;\npublic static class Code{file}\n{{\n");
        for (var site = 0; site < SitesPerFile; site++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                    public static object Site{{site}}(List<string> log)
                    {
                        var builder = new StringBuilder().Append("site").Append({{site}});
                        log.Add(builder.ToString());
                        var seen = new HashSet<string>(log) { "x" };
                        return new Dictionary<string, int> { ["a"] = seen.Count };
                    }

                """);
        }

        return text.Append("}\n").ToString();
    }
}
