using BenchmarkDotNet.Attributes;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// <c>DownloadToFileAsync</c> (a poll, then the checked, resumable, atomic download) against a raw
/// <c>CopyToAsync</c> into a FileStream with the same settings, from the same loopback server. Goal: ≥ 95% of the raw
/// throughput. Peak managed memory over a 1 GiB download is measured by the <c>download</c> command.
/// </summary>
[MemoryDiagnoser]
public class DownloadBenchmarks
{
    private FixedAnswerServer _server = null!;
    private HandWrittenClient _raw = null!;
    private OpperVideoClient _client = null!;
    private OpperVideoClient _unguarded = null!;
    private string _folder = null!;

    /// <summary>The clip size: 64 MiB here; the <c>download</c> command takes 1 GiB.</summary>
    [Params(64L * 1024 * 1024)]
    public long Bytes { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await FixedAnswerServer.StartAsync(Bytes);
        _raw = HandWrittenClient.Create(_server.Address, "op-bench-key");
        _client = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = "op-bench-key", BaseAddress = _server.Address });
        _unguarded = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = "op-bench-key", BaseAddress = _server.Address, DownloadStallTimeout = Timeout.InfiniteTimeSpan });
        _folder = Directory.CreateTempSubdirectory("opper-bench-").FullName;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// Each download starts with its path free: the raw copy opens it CreateNew, and a file replaced by the SDK's rename
    /// would have its blocks freed inside the timed download. (An iteration setup also keeps BenchmarkDotNet at one
    /// download per iteration, which CreateNew needs.)
    /// </summary>
    [IterationSetup]
    public void RemoveEarlierFiles()
    {
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            File.Delete(file);
        }
    }

    [Benchmark(Baseline = true)]
    public Task RawCopy() => _raw.DownloadAsync(new Uri(_server.Address, "files/clip.mp4"), Path.Combine(_folder, "raw.mp4"));

    [Benchmark]
    public Task DownloadToFileWithoutStallTimeout() => _unguarded.GetGenerationOperation(FixedAnswerServer.DoneJobId).DownloadToFileAsync(Path.Combine(_folder, "unguarded.mp4"));

    [Benchmark]
    public Task DownloadToFile() => _client.GetGenerationOperation(FixedAnswerServer.DoneJobId).DownloadToFileAsync(Path.Combine(_folder, "sdk.mp4"));
}
