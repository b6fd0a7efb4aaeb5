using Hangfire.InMemory;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Storage;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>
/// What one job costs its storage, counted on a storage that counts every call it is asked for: its record changes with
/// its Hangfire state changes (which hold the job's state lock already), not under locks of its own. The benchmark
/// counts PostgreSQL's statements for a thousand jobs; this keeps the shape of the work from drifting back.
/// </summary>
public sealed class StorageWorkTests
{
    [Fact]
    public async Task A_job_s_record_is_written_with_its_state_changes_and_its_only_lock_of_its_own_is_the_delivery_s()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(300) });
        using var folder = new TempFolder();
        var storage = new CountingStorage(new InMemoryStorage());
        await using var host = await DurableHost.StartAsync(emulator, storage);
        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));

        var done = await host.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.Completed, done.State);
        // The mark (in the Processing change, before the POST), waiting (in the change to OpperWaiting), Downloading (the
        // checker's claim on the delivery), Completed (in the change that ends it). Created with the job, not written.
        Assert.Equal(4, storage.ParameterWrites.Count(write => write == $"{key}:{VideoJobStore.RecordParameter}"));
        // Opper's id, the moment the POST answered: the one write that waits for no state change.
        Assert.Equal(1, storage.ParameterWrites.Count(write => write == $"{key}:{VideoJobStore.OpperJobIdParameter}"));
        // Hangfire's own three state changes after the creation (Processing, OpperWaiting, Succeeded) take the job's state
        // lock; the only one of the package's is the delivery's claim. (Before, the mark, Opper's id and Completed took one each.)
        Assert.Equal(4, storage.Locks.Count(resource => resource == $"job:{key}:state-lock"));
    }
}
