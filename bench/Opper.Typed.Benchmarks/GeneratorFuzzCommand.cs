using System.Diagnostics;
using System.Globalization;
using Opper.Typed.Testing;

namespace Opper.Typed.Benchmarks;

/// <summary>The long fuzz run of the generator (docs/reliability.md): N seeded mutations of the snapshot files, each generated and compiled.</summary>
internal static class GeneratorFuzzCommand
{
    public static int Run(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var fuzzer = new SnapshotFuzzer(
            File.ReadAllText(RepositoryPaths.Schema("videos-models.json")),
            File.ReadAllText(RepositoryPaths.Schema("video-parameters.json")));
        var watch = Stopwatch.StartNew();
        var total = new SnapshotFuzzer.Report(0, 0, 0, 0, TimeSpan.Zero, []);
        const int Batch = 500;
        for (var start = 0; start < cases; start += Batch)
        {
            var report = fuzzer.Run(seed + start, Math.Min(Batch, cases - start), TimeSpan.FromSeconds(60));
            total = new SnapshotFuzzer.Report(
                total.Cases + report.Cases, total.Exceptions + report.Exceptions, total.NonCompiling + report.NonCompiling, total.Hangs + report.Hangs,
                report.Slowest > total.Slowest ? report.Slowest : total.Slowest, [.. total.Failures, .. report.Failures]);
            Console.Error.WriteLine($"{total.Cases}/{cases} cases, {total.Failures.Count} failures, {watch.Elapsed:mm\\:ss}");
        }

        Console.WriteLine($"cases {total.Cases}, generator exceptions {total.Exceptions}, non-compiling outputs {total.NonCompiling}, hangs {total.Hangs}, slowest case {total.Slowest.TotalMilliseconds:F0} ms, wall {watch.Elapsed.TotalSeconds:F0} s (seed {seed})");
        foreach (var failure in total.Failures.Take(20))
        {
            Console.WriteLine(failure);
        }

        return total.Failures.Count == 0 ? 0 : 1;
    }
}
