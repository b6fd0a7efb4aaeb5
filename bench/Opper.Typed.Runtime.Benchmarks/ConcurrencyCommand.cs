using System.Diagnostics;
using System.Globalization;
using Opper.Typed.Emulator;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// N concurrent generations on the emulator with the client's default polling, each streamed to the end:
/// whether all complete, whether any POST was duplicated, how many requests a job costs, how the polls spread in time
/// (the largest share of them inside any 50 ms window), and the peak number of open connections.
/// </summary>
internal static class ConcurrencyCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(10) });
        using var client = new OpperVideoClient(emulator.CreateClientOptions());
        var clock = Stopwatch.StartNew();
        long[] sizes;
        int peak;
        await using (var connections = new ConnectionSampler(emulator.BaseAddress.Port, emulator.DownloadBaseAddress.Port))
        {
            sizes = await Task.WhenAll(Enumerable.Range(0, jobs).Select(i => GenerateAsync(client, i)));
            peak = connections.Peak;
        }

        var requests = emulator.Requests;
        var posts = requests.Count(r => r.Method == "POST");
        var statusRequests = requests.Where(r => r.Host == EmulatorHost.Api && r.Method == "GET" && r.Path.EndsWith("/status", StringComparison.Ordinal)).ToList();
        var polls = statusRequests.Select(r => r.ReceivedAt).Order().ToArray();
        // A round is every job's n-th poll (the path names the job): the polls that lockstep would put together.
        var rounds = statusRequests.GroupBy(r => r.Path)
            .SelectMany(job => job.OrderBy(r => r.ReceivedAt).Select((r, n) => (Round: n, r.ReceivedAt)))
            .GroupBy(p => p.Round)
            .OrderBy(round => round.Key)
            .Select(round => (Polls: round.Count(), Share: LargestShare([.. round.Select(p => p.ReceivedAt).Order()], TimeSpan.FromMilliseconds(50))))
            .ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            jobs                         {jobs}
            completed (whole clips)      {sizes.Count(s => s > 0)}
            POSTs                        {posts} ({posts - jobs} duplicated)
            requests per job             {(double)requests.Count / jobs:0.00} ({polls.Length} polls)
            largest share of polls in any 50 ms window   {LargestShare(polls, TimeSpan.FromMilliseconds(50)):P1} of all
            … of each round's polls      {string.Join(", ", rounds.Select(r => $"{r.Share:P1} of {r.Polls}"))}
            peak open connections        {peak}
            wall time                    {clock.Elapsed.TotalSeconds:0.0} s
            """));
        return sizes.All(s => s > 0) && posts == jobs ? 0 : 1;
    }

    private static async Task<long> GenerateAsync(OpperVideoClient client, int index)
    {
        var operation = await client.StartGenerationAsync(new Veo31FastGenerate001Request($"clip {index}") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 });
        await using var clip = await operation.OpenReadAsync();
        var bytes = 0L;
        var buffer = new byte[16 * 1024];
        for (int read; (read = await clip.ReadAsync(buffer)) > 0;)
        {
            bytes += read;
        }

        return bytes;
    }

    /// <summary>The most polls inside any window of the given width, as a share of all polls (two pointers over sorted times).</summary>
    private static double LargestShare(DateTimeOffset[] sorted, TimeSpan width)
    {
        var most = 0;
        for (int start = 0, end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] > width)
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return sorted.Length == 0 ? 0 : (double)most / sorted.Length;
    }
}
