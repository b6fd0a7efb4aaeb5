using System.Globalization;
using System.Text.Json.Nodes;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// Time to clip: the fixed polling schedule beside the adaptive one, in one run, each client against its own
/// <see cref="TimedJobServer"/> whose jobs take a time drawn per model around a typical value. A warm-up of five jobs per
/// shape started together, then the measured jobs, arriving one a second. Time runs <c>scale</c> times faster than real (job durations and
/// every polling delay divided by it; figures multiplied back), so 200 jobs of up to 75 s take seconds.
/// </summary>
internal static class PollingCommand
{
    private const int WarmUpPerShape = 5;

    /// <summary>Measured jobs arrive one a second (real time), as work does, so later ones poll by what earlier ones taught.</summary>
    private static readonly TimeSpan ArrivalGap = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Typical render times (the issue's and the providers' pages: ~30 s to minutes), by shape. Sora's rows are gone:
    /// OpenAI shut it down on 2026-09-24 and the client refuses a retired model before sending.
    /// </summary>
    private static readonly (string Label, string Model, string? Parameter, JsonNode? Value, double Seconds)[] Shapes =
    [
        ("veo-3.1-fast, 8 s", "vertexai/veo-3.1-fast-generate-001", "durationSeconds", 8, 60),
        ("grok-imagine, 6 s", "xai/grok-imagine-video", "duration", 6, 20),
        ("wan-t2v", "pruna/wan-t2v", null, null, 30),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var spread = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.1;
        var scale = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{jobs} jobs after {WarmUpPerShape} per shape; durations log-normal around each shape's typical time, spread {spread:0.00}; time {scale:0}x faster than real"));
        var random = new Random(2026);
        (TimeSpan, string) Draw(JsonObject body)
        {
            var shape = Shapes.Single(s => s.Model == (string)body["model"]! && (s.Parameter is null || body["parameters"]?[s.Parameter]?.ToJsonString() == s.Value!.ToJsonString()));
            double normal;
            lock (random)
            {
                normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            }

            return (TimeSpan.FromSeconds(shape.Seconds * Math.Exp(spread * normal) / scale), shape.Label);
        }

        var results = await Task.WhenAll(RunScheduleAsync(adaptive: false, jobs, scale, Draw), RunScheduleAsync(adaptive: true, jobs, scale, Draw));
        Console.WriteLine();
        Console.WriteLine("| Shape (typical time) | Fixed: median / p95 notice latency | Fixed: polls a job | Adaptive: median / p95 | Adaptive: polls a job |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var shape in Shapes.Select(s => s.Label).Append("all"))
        {
            var label = shape == "all" ? "**all**" : $"{shape} ({Shapes.Single(s => s.Label == shape).Seconds:0} s)";
            Console.WriteLine($"| {label} | {results[0].Warm.Row(shape, scale)} | {results[1].Warm.Row(shape, scale)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"cold (the warm-up, nothing learned): fixed {results[0].Cold.Row("all", scale)}; adaptive {results[1].Cold.Row("all", scale)}");
        return 0;
    }

    private static async Task<(Measured Warm, Measured Cold)> RunScheduleAsync(bool adaptive, int jobs, double scale, Func<JsonObject, (TimeSpan, string)> draw)
    {
        await using var server = await TimedJobServer.StartAsync(draw);
        var options = new OpperVideoClientOptions { BaseAddress = server.Address, ApiKey = "bench-key", ValidateRequests = false };
        var polling = options.Polling;
        polling.Adaptive = adaptive;
        polling.FirstPollDelay /= scale;
        polling.Interval /= scale;
        polling.MaxInterval /= scale;
        polling.MinInterval /= scale;
        using var client = new OpperVideoClient(options);

        await RunJobsAsync(client, Shapes.Length * WarmUpPerShape, TimeSpan.Zero);
        var cold = Measured.Of(server.Jobs);
        server.Forget();
        await RunJobsAsync(client, jobs, ArrivalGap / scale);
        return (Measured.Of(server.Jobs), cold);
    }

    private static Task RunJobsAsync(OpperVideoClient client, int count, TimeSpan arrivalGap) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await Task.Delay(arrivalGap * i);
            var shape = Shapes[i % Shapes.Length];
            var request = new VideoRequest(shape.Model, "a hot air balloon at dawn");
            if (shape.Parameter is not null)
            {
                request.Parameters[shape.Parameter] = shape.Value!.DeepClone();
            }

            var operation = await client.StartGenerationAsync(request);
            await operation.WaitForCompletionAsync();
        }));

    private sealed record Measured(IReadOnlyList<(string Shape, double Latency, int Polls)> Jobs)
    {
        public static Measured Of(IEnumerable<TimedJob> jobs) =>
            new(jobs.Select(j => (j.Shape, (j.NoticedAt!.Value - j.EndsAt).TotalSeconds, j.Polls)).ToList());

        public string Row(string shape, double scale)
        {
            var mine = Jobs.Where(j => shape == "all" || j.Shape == shape).ToList();
            var latencies = mine.Select(j => j.Latency * scale).Order().ToList();
            return string.Create(CultureInfo.InvariantCulture,
                $"{latencies[latencies.Count / 2]:0.00} / {latencies[(int)(latencies.Count * 0.95)]:0.00} s | {mine.Average(j => j.Polls):0.00}");
        }
    }
}
