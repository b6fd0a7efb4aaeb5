using BenchmarkDotNet.Attributes;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// One submit and one poll that finds the job completed, through <see cref="OpperVideoClient"/> (typed, untyped,
/// validation off; adaptive polling on, as by default, so the completion is recorded as a real job's is) against the
/// hand-written HttpClient baseline, all on the same loopback server answering fixed bytes. Goal: ≤ 1.10× the
/// baseline's time and ≤ 1.25× its allocated bytes.
/// </summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private const string Key = "op-bench-key";
    private FixedAnswerServer _server = null!;
    private HandWrittenClient _handWritten = null!;
    private OpperVideoClient _client = null!;
    private OpperVideoClient _unvalidated = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await FixedAnswerServer.StartAsync(jobsComplete: true);
        _handWritten = HandWrittenClient.Create(_server.Address, Key);
        _client = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = _server.Address });
        _unvalidated = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = _server.Address, ValidateRequests = false });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        _unvalidated.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<HandStatus> HandWritten() => _handWritten.SubmitAndPollAsync("a cat");

    [Benchmark]
    public Task<VideoStatus> Typed() => SubmitAndPoll(_client, new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, Resolution = Veo31FastGenerate001Resolution.Resolution720p });

    [Benchmark]
    public Task<VideoStatus> Untyped() =>
        SubmitAndPoll(_client, new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat") { Parameters = { ["durationSeconds"] = 4, ["resolution"] = "720p" } });

    [Benchmark]
    public Task<VideoStatus> TypedValidationOff() =>
        SubmitAndPoll(_unvalidated, new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, Resolution = Veo31FastGenerate001Resolution.Resolution720p });

    private static async Task<VideoStatus> SubmitAndPoll(OpperVideoClient client, IVideoRequest request)
    {
        var operation = await client.StartGenerationAsync(request);
        return await operation.UpdateStatusAsync();
    }
}
