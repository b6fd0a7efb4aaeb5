using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>The client's metrics and traces keep working inside the steps, and each step is a trace of its own.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_durable_job_moves_the_clients_instruments_and_traces_each_step_with_its_key()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage());
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var started = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.jobs.started");
        using var bytes = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.download.bytes");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OpperTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 }, folder.File("cat.mp4"));
        var job = await host.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.Completed, job.State);
        Assert.Equal(1, started.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(new FileInfo(folder.File("cat.mp4")).Length, bytes.GetMeasurementSnapshot().EvaluateAsCounter());
        // Keys repeat across the tests running beside this one (each storage counts from 1): the Opper id tells this job's apart.
        var checks = activities.Where(a => a.OperationName == "opper.video.job.check" && (string?)a.GetTagItem("opper.job_id") == job.OpperJobId).ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, check => Assert.Equal(key, check.GetTagItem("opper.job_key")));
        var submit = Assert.Single(activities, a => a.OperationName == "opper.video.submit" && (string?)a.GetTagItem("opper.job_id") == job.OpperJobId);
        var step = Assert.Single(activities, a => a.OperationName == "opper.video.job.step" && a.SpanId == submit.ParentSpanId);
        Assert.Equal(key, step.GetTagItem("opper.job_key"));
        // After the submit no step runs for it: the wait and the delivery are the checker's.
        Assert.DoesNotContain(activities, a => a.OperationName == "opper.video.job.step" && (string?)a.GetTagItem("opper.job_id") == job.OpperJobId);
        var download = Assert.Single(activities, a => a.OperationName == "opper.video.download" && (string?)a.GetTagItem("opper.job_id") == job.OpperJobId);
        Assert.Contains(checks, check => check.SpanId == download.ParentSpanId);
    }
}
