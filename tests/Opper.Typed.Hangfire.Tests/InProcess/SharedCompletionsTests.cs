using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Storage;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>What one worker learned of how long jobs take is in the storage, so a new worker schedules like a warm one.</summary>
public sealed class SharedCompletionsTests
{
    private static Veo31FastGenerate001Request Cat() => new("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 };

    [Fact]
    public async Task A_worker_started_after_others_finished_jobs_of_a_shape_reads_what_they_took_from_the_storage()
    {
        // 2 s, and bounds to match: a check a loaded machine delays moves what is learned by its delay, and this tests learning, not timing.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(2) });
        using var folder = new TempFolder();
        var storage = new InMemoryStorage();
        var shape = JobShape.Of(Cat().ToWireRequest());
        await using (var warm = await DurableHost.StartAsync(emulator, storage))
        {
            foreach (var name in new[] { "first.mp4", "second.mp4", "third.mp4" })
            {
                Assert.Equal(DurableVideoJobState.Completed, (await warm.EndedAsync(await warm.Scheduler.EnqueueAsync(Cat(), folder.File(name)))).State);
            }
        }

        await using var fresh = await DurableHost.StartAsync(emulator, storage);
        Assert.Null(fresh.Services.GetRequiredService<OpperVideoClient>().Completions.Estimate(shape)); // nothing learned in this process

        using var connection = storage.GetConnection();
        var shared = fresh.Services.GetRequiredService<SharedCompletions>().Estimate(connection, shape);

        Assert.NotNull(shared);
        Assert.Equal(3, shared.Value.Jobs);
        Assert.InRange(shared.Value.Mean.TotalSeconds, 1.0, 10.0);
        Assert.NotNull(shared.Value.RemainingAfter(TimeSpan.Zero)); // and so an expected remaining time for its waiting jobs
    }
}
