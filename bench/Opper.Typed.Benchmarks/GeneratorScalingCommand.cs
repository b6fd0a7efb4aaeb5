using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using static Opper.Typed.Benchmarks.Statistics;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// Splits the generator's cold time per model into the time the garbage collector paused the run and the rest, at 10,
/// 100 and 1,000 models. BenchmarkDotNet gives the total; this tells whether its growth with the catalog is work or GC
/// (run it again with <c>DOTNET_GCgen0size</c> set large, and most runs see no collection at all).
/// </summary>
internal static class GeneratorScalingCommand
{
    private static readonly int[] Sizes = [10, 100, 1000];

    public static int Run(int runs)
    {
        var benchmarks = Sizes.Select(models => new GeneratorBenchmarks { Models = models }).ToList();
        foreach (var benchmark in benchmarks)
        {
            benchmark.Setup();
        }

        // Every size warmed before any is measured, so the JIT's tiering does not favour the sizes measured last.
        for (var round = 0; round < 2; round++)
        {
            foreach (var benchmark in benchmarks)
            {
                for (var i = 0; i < 10_000 / benchmark.Models; i++)
                {
                    benchmark.Cold();
                }
            }
        }

        Console.WriteLine($"GC: {(GCSettings.IsServerGC ? "server" : "workstation")}; medians of cold runs timed one by one");
        Console.WriteLine("models | runs | per model | GC pause per model | rest per model | collections per run gen0/gen1/gen2");
        foreach (var benchmark in benchmarks)
        {
            // Small catalogs run more often (10 models: twice as many runs as asked), to time about as many models.
            Measure(benchmark, Math.Max(runs, 20 * runs / benchmark.Models));
        }

        return 0;
    }

    private static void Measure(GeneratorBenchmarks benchmark, int count)
    {
        var models = benchmark.Models;
        var totals = new List<double>(count);
        var pauses = new List<double>(count);
        var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        for (var i = 0; i < count; i++)
        {
            var pauseBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(benchmark.Cold());
            watch.Stop();
            totals.Add(watch.Elapsed.TotalMicroseconds / models);
            pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMicroseconds / models);
        }

        var rest = totals.Zip(pauses, (total, pause) => total - pause).ToList();
        var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => ((GC.CollectionCount(g) - collectionsBefore[g]) / (double)count).ToString("F2", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{models,6} | {count,4} | {Median(totals),6:F1} µs | {Median(pauses),6:F1} µs | {Median(rest),6:F1} µs | {collections}"));
    }
}
