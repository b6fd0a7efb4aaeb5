using System.Diagnostics;
using System.Globalization;
using static Opper.Typed.Testing.Statistics;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// One large download (1 GiB by default) through <c>DownloadToFileAsync</c> and through a raw <c>CopyToAsync</c>, each
/// after a warm-up and nine times in turn: throughput of both and the SDK's peak managed heap while it downloads.
/// Goal: ≥ 95% of the raw throughput, peak managed memory under 32 MB.
/// </summary>
internal static class DownloadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var bytes = (args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1024) * 1024 * 1024; // MiB
        await using var server = await FixedAnswerServer.StartAsync(bytes);
        using var client = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = "op-bench-key", BaseAddress = server.Address });
        using var unguarded = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = "op-bench-key", BaseAddress = server.Address, DownloadStallTimeout = Timeout.InfiniteTimeSpan });
        var raw = HandWrittenClient.Create(server.Address, "op-bench-key");
        var folder = Directory.CreateTempSubdirectory("opper-bench-").FullName;
        try
        {
            var variants = new Variant[]
            {
                new("DownloadToFileAsync", Path.Combine(folder, "sdk.mp4"), path => client.GetGenerationOperation(FixedAnswerServer.DoneJobId).DownloadToFileAsync(path)),
                new("raw CopyToAsync", Path.Combine(folder, "raw.mp4"), path => raw.DownloadAsync(new Uri(server.Address, "files/clip.mp4"), path)),
                new("… stall timeout off", Path.Combine(folder, "unguarded.mp4"), path => unguarded.GetGenerationOperation(FixedAnswerServer.DoneJobId).DownloadToFileAsync(path)),
            };
            foreach (var variant in variants)
            {
                await variant.Download(variant.Path);
            }

            var peaks = new List<long>();
            for (var round = 0; round < Rounds; round++)
            {
                // The order turns every round, so each variant runs first, second and third equally often: the run in
                // third place measured slowest whichever variant it was (422 against 589-610 MiB/s in one run).
                for (var turn = 0; turn < variants.Length; turn++)
                {
                    var variant = variants[(round + turn) % variants.Length];
                    var (seconds, cpu, peak) = await MeasureAsync(variant.Path, () => variant.Download(variant.Path));
                    variant.Seconds.Add(seconds);
                    variant.CpuSeconds.Add(cpu);
                    if (ReferenceEquals(variant, variants[0]))
                    {
                        peaks.Add(peak);
                    }
                }
            }

            var mib = bytes / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clip {mib:0} MiB; MiB/s median of {Rounds} (each run in order); processor seconds per GiB, median, client and server"));
            foreach (var variant in variants)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{variant.Name,-24} {mib / Median(variant.Seconds),5:0}   CPU {Median(variant.CpuSeconds) * 1024 / mib,4:0.00} s   ({string.Join(", ", variant.Seconds.Select(s => (mib / s).ToString("0", CultureInfo.InvariantCulture)))})"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                SDK / raw throughput     {Median(variants[1].Seconds) / Median(variants[0].Seconds):P0}
                peak managed heap (SDK)  {peaks.Max() / 1048576.0:0.0} MB
                """));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A multiple of the three variants, so each runs first, second and third equally often; odd, so the median is a run.
    private const int Rounds = 9;

    private sealed record Variant(string Name, string Path, Func<string, Task> Download)
    {
        public List<double> Seconds { get; } = [];

        /// <summary>Processor time of the whole process (the server's share included, the same for every variant).</summary>
        public List<double> CpuSeconds { get; } = [];
    }

    /// <summary>Wall time of one download and the largest managed heap seen meanwhile (sampled every 5 ms).</summary>
    private static async Task<(double Seconds, double CpuSeconds, long PeakBytes)> MeasureAsync(string path, Func<Task> download)
    {
        // The previous run's file is removed untimed: the raw copy opens CreateNew (the path must be free), and a
        // gigabyte replaced by the SDK's rename would have its blocks freed inside the timed run.
        File.Delete(path);
        // Each run starts with no dirty pages waiting for the disk: otherwise a run pays for the previous run's gigabyte
        // being written back, and the ratios measure the order of the runs (seen: 60% one run, 90% the next).
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            using var sync = Process.Start("sync");
            await sync.WaitForExitAsync();
        }

        var (seconds, cpuSeconds, peak, _) = await RunMeasurement.MeasureAsync(download);
        return (seconds, cpuSeconds, peak);
    }
}
