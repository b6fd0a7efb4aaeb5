using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Hosting;

/// <summary>The Opper.Typed meter counts one generation from start to downloaded clip.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task One_generation_moves_every_instrument()
    {
        // The host's meter factory scopes the instruments to this provider, so tests running in parallel do not mix in.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(50) });
        var services = new ServiceCollection().AddMetrics().AddOpperVideos(o =>
        {
            o.ApiKey = emulator.ApiKey;
            o.BaseAddress = emulator.BaseAddress;
            EmulatorFixture.FastPolling(o);
        });
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var started = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.jobs.started");
        using var completed = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.jobs.completed");
        using var failed = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.jobs.failed");
        using var duration = new MetricCollector<double>(meters, OpperTelemetry.MeterName, "opper.video.generation.duration");
        using var polls = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.job.polls");
        using var bytes = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.download.bytes");
        using var downloadDuration = new MetricCollector<double>(meters, OpperTelemetry.MeterName, "opper.video.download.duration");
        var folder = Directory.CreateTempSubdirectory("opper-typed-tests-").FullName;
        try
        {
            var path = Path.Combine(folder, "clip.mp4");
            await provider.GetRequiredService<OpperVideoClient>().GenerateToFileAsync(LiveModel.Request(), path);

            Assert.Equal(1, started.GetMeasurementSnapshot().EvaluateAsCounter());
            Assert.Equal(LiveModel.Id, started.LastMeasurement?.Tags["opper.model"]);
            Assert.Equal(1, completed.GetMeasurementSnapshot().EvaluateAsCounter());
            Assert.Empty(failed.GetMeasurementSnapshot());
            Assert.True(duration.LastMeasurement?.Value > 0);
            Assert.Equal(emulator.Requests.Count(r => r.Host == EmulatorHost.Api && r.Method == "GET"), polls.LastMeasurement?.Value);
            Assert.Equal(new FileInfo(path).Length, bytes.GetMeasurementSnapshot().EvaluateAsCounter());
            Assert.Single(downloadDuration.GetMeasurementSnapshot());
            Assert.Equal("s", duration.Instrument?.Unit);
            Assert.Equal("By", bytes.Instrument?.Unit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_job_is_counted_as_failed()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => { e.FailJobs = true; e.JobDuration = TimeSpan.Zero; });
        await using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var failed = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.jobs.failed");
        var options = EmulatorFixture.FastPolling(fx.Emulator.CreateClientOptions());
        options.MeterFactory = meters;
        using var client = new OpperVideoClient(options);

        await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.GenerateToFileAsync(LiveModel.Request(), fx.PathOf("clip.mp4")));

        Assert.Equal(1, failed.GetMeasurementSnapshot().EvaluateAsCounter());
    }
}
