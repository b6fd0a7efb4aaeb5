using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using static Opper.Typed.Testing.Statistics;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// Times the generator's cold runs one by one at 10, 100 and 1,000 models, with the part the garbage collector paused
/// them, and beside them the floor any generator emitting the same files as strings pays
/// (<see cref="GeneratorBenchmarks.KeepTextsOnly"/>): BenchmarkDotNet gives the totals; this tells whether their growth
/// with the catalog is the generator's work or the cost of keeping its output (run it again with
/// <c>DOTNET_GCgen0size</c> set large, and most runs see no collection at all).
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
                    benchmark.KeepTextsOnly();
                }
            }
        }

        Console.WriteLine($"GC: {(GCSettings.IsServerGC ? "server" : "workstation")}; medians per model; floor = the same texts kept, no generator");
        Console.WriteLine("models | runs | generator | its GC pause | floor | its GC pause | above floor | generator's collections per run (gen0/1/2)");
        var rows = new List<(int Models, double Total, double AboveFloor)>();
        foreach (var benchmark in benchmarks)
        {
            // Small catalogs run more often (10 models: twice as many runs as asked), to time about as many models.
            rows.Add(Measure(benchmark, Math.Max(runs, 20 * runs / benchmark.Models)));
        }

        var (first, last) = (rows[0], rows[^1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{last.Models} vs {first.Models} models, per model: generator {last.Total / first.Total:F2}x; generator above floor {last.AboveFloor / first.AboveFloor:F2}x"));
        return 0;
    }

    private static (int Models, double Total, double AboveFloor) Measure(GeneratorBenchmarks benchmark, int count)
    {
        var models = benchmark.Models;
        var generator = new Timings(models, count);
        var floor = new Timings(models, count);
        var collections = new long[3];

        // Each block starts from a collected heap and pays for collecting only its own earlier runs' output.
        StartFromCollectedHeap();
        for (var i = 0; i < count; i++)
        {
            var before = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            generator.Time(() => GC.KeepAlive(benchmark.Cold()));
            for (var generation = 0; generation < 3; generation++)
            {
                collections[generation] += GC.CollectionCount(generation) - before[generation];
            }
        }

        StartFromCollectedHeap();
        for (var i = 0; i < count; i++)
        {
            floor.Time(() => GC.KeepAlive(benchmark.KeepTextsOnly()));
        }

        var total = Median(generator.Totals);
        // A difference of medians of unpaired runs: the two blocks cannot be paired run by run without each paying for
        // collecting the other's output.
        var aboveFloor = total - Median(floor.Totals);
        var perRun = string.Join("/", collections.Select(c => (c / (double)count).ToString("F2", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{models,6} | {count,4} | {total,6:F1} µs | {Median(generator.Pauses),6:F1} µs | {Median(floor.Totals),6:F1} µs | {Median(floor.Pauses),6:F1} µs | {aboveFloor,6:F1} µs | {perRun}"));
        return (models, total, aboveFloor);
    }

    private static void StartFromCollectedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Per-model wall time and GC pause time of runs timed one by one.</summary>
    private sealed class Timings(int models, int capacity)
    {
        public List<double> Totals { get; } = new(capacity);

        public List<double> Pauses { get; } = new(capacity);

        public void Time(Action run)
        {
            var pauseBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            run();
            watch.Stop();
            Totals.Add(watch.Elapsed.TotalMicroseconds / models);
            Pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMicroseconds / models);
        }
    }
}
