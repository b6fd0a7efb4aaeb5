using System.Diagnostics;

namespace Opper.Typed.Benchmarks;

/// <summary>One timed run of a transfer, measured the same way for uploads and downloads.</summary>
internal static class RunMeasurement
{
    /// <summary>
    /// Wall and processor time (the whole process's, the in-process server's share included, the same for every
    /// variant), the largest managed heap seen (sampled every 5 ms) and the bytes allocated meanwhile (the sampler's own included).
    /// </summary>
    public static async Task<(double Seconds, double CpuSeconds, long PeakBytes, long Allocated)> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        var peak = GC.GetTotalMemory(forceFullCollection: false);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5);
            }
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await run();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        await stop.CancelAsync();
        await sampling;
        return (seconds, cpuSeconds, peak, allocated);
    }
}
