using Hangfire.InMemory;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>Waiting is a scheduled check, not a thread: many jobs wait at once on a handful of worker threads.</summary>
public sealed class ThroughputTests
{
    [Fact]
    public async Task Three_hundred_jobs_wait_at_once_on_three_worker_threads_and_all_arrive()
    {
        const int Jobs = 300;
        // 10 s, so that 100 wait at once even when a loaded machine submits only 10 a second.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(10) });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), workers: 3,
            client: o => (o.Polling.FirstPollDelay, o.Polling.Interval, o.Polling.MaxInterval) = (TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)));

        var keys = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            keys.Add(await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request($"clip {i}"), folder.File($"clip-{i}.mp4")));
        }

        // With three threads, a thread held per waiting job would allow three to wait at a time.
        var mostWaiting = 0;
        var completed = 0;
        while (completed < Jobs)
        {
            var waiting = (await host.Scheduler.ListJobsAsync(DurableVideoJobState.Waiting, take: Jobs)).Count;
            mostWaiting = Math.Max(mostWaiting, waiting);
            completed = (await host.Scheduler.ListJobsAsync(DurableVideoJobState.Completed, take: Jobs)).Count;
            Assert.Empty(await host.Scheduler.ListJobsAsync(DurableVideoJobState.NeedsAttention));
            await Task.Delay(100);
        }

        Assert.True(mostWaiting >= 100, $"at least 100 jobs waited at once on 3 threads; the most seen was {mostWaiting}");
        Assert.Equal(Jobs, emulator.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(Jobs, folder.Names().Count(name => name.EndsWith(".mp4", StringComparison.Ordinal) && !name.StartsWith('.')));
        Assert.DoesNotContain(folder.Names(), name => name.EndsWith(".partial", StringComparison.Ordinal));
    }
}
