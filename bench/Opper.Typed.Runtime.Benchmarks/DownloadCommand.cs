using System.Diagnostics;
using System.Globalization;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// One large download (1 GiB by default) through <c>DownloadToFileAsync</c> and through a raw <c>CopyToAsync</c>, each
/// after a warm-up and five times in turn: throughput of both and the SDK's peak managed heap while it downloads.
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
            var (sdkPath, rawPath) = (Path.Combine(folder, "sdk.mp4"), Path.Combine(folder, "raw.mp4"));
            Task Sdk() => client.GetGenerationOperation(FixedAnswerServer.DoneJobId).DownloadToFileAsync(sdkPath);
            Task Raw() => raw.DownloadAsync(new Uri(server.Address, "files/clip.mp4"), rawPath);
            Task Unguarded() => unguarded.GetGenerationOperation(FixedAnswerServer.DoneJobId).DownloadToFileAsync(sdkPath);
            await Sdk();
            await Raw();
            var (sdkTimes, rawTimes, unguardedTimes, peaks) = (new List<double>(), new List<double>(), new List<double>(), new List<long>());
            for (var round = 0; round < Rounds; round++)
            {
                var (seconds, peak) = await MeasureAsync(Sdk);
                sdkTimes.Add(seconds);
                peaks.Add(peak);
                rawTimes.Add((await MeasureAsync(Raw)).Seconds);
                unguardedTimes.Add((await MeasureAsync(Unguarded)).Seconds);
            }

            var mib = bytes / 1048576.0;
            var (sdk, rawMedian) = (Median(sdkTimes), Median(rawTimes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                clip                     {mib:0} MiB
                DownloadToFileAsync      {mib / sdk:0} MiB/s (median of {Rounds})
                raw CopyToAsync          {mib / rawMedian:0} MiB/s
                … without a stall timeout {mib / Median(unguardedTimes):0} MiB/s (DownloadToFileAsync, DownloadStallTimeout infinite)
                SDK / raw throughput     {rawMedian / sdk:P0}
                peak managed heap (SDK)  {peaks.Max() / 1048576.0:0.0} MB
                """));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const int Rounds = 5;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Wall time of one download and the largest managed heap seen meanwhile (sampled every 5 ms).</summary>
    private static async Task<(double Seconds, long PeakBytes)> MeasureAsync(Func<Task> download)
    {
        // Each run starts with no dirty pages waiting for the disk: otherwise a run pays for the previous run's gigabyte
        // being written back, and the ratios measure the order of the runs (seen: 60% one run, 90% the next).
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            using var sync = Process.Start("sync");
            await sync.WaitForExitAsync();
        }

        GC.Collect();
        var peak = GC.GetTotalMemory(forceFullCollection: false);
        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5);
            }
        });
        var clock = Stopwatch.StartNew();
        await download();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampling;
        return (seconds, peak);
    }
}
