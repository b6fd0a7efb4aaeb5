using Hangfire.InMemory;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Storage;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>
/// A job waiting with no due entry, as a worker killed in the middle of the change that made it wait leaves it on a
/// storage whose transactions are not atomic (Hangfire.Storage.SQLite: seen in 1 of 40 kills of a real worker).
/// </summary>
public sealed class WaitingSweepTests
{
    [Fact]
    public async Task A_job_left_waiting_without_a_due_entry_is_found_by_the_next_checker_and_delivered_from_its_one_POST()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(5) }); // still running when the first host has stopped, however slowly it stops
        var storage = new InMemoryStorage();
        using var folder = new TempFolder();
        var key = await DurableHost.LeaveWaitingAsync(emulator, storage, folder.File("cat.mp4"));

        using (var connection = storage.GetConnection())
        {
            // What the cut-off commit left: the job waits and is listed as waiting; its due entry was never written.
            using var transaction = connection.CreateWriteTransaction();
            transaction.RemoveFromSet(DueSet.Key, key);
            transaction.Commit();
            Assert.Equal(OpperWaitingState.StateName, connection.GetStateData(key).Name);
            Assert.Empty(connection.GetAllItemsFromSet(DueSet.Key));
        }

        await using var again = await DurableHost.StartAsync(emulator, storage);
        var done = await again.EndedAsync(key, TimeSpan.FromSeconds(30));

        Assert.Equal(DurableVideoJobState.Completed, done.State);
        Assert.True(File.Exists(folder.File("cat.mp4")));
        Assert.Single(emulator.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_job_still_listed_as_waiting_after_it_ended_gets_no_due_entry()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100) });
        var storage = new InMemoryStorage();
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, storage, workers: 1);
        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));
        Assert.Equal(DurableVideoJobState.Completed, (await host.EndedAsync(key)).State);

        using var connection = storage.GetConnection();
        var record = new VideoJobStore(connection).Read(key)!;
        using (var transaction = connection.CreateWriteTransaction())
        {
            // A listing that lags behind its job (the index is not the truth): the sweep reads the job's state.
            transaction.AddToSet(VideoJobIndex.Of(DurableVideoJobState.Waiting), VideoJobRow.Of(key, record), 0);
            transaction.Commit();
        }

        Assert.Empty(WaitingSweep.Run(connection, DateTimeOffset.UtcNow));
        Assert.DoesNotContain(key, connection.GetAllItemsFromSet(DueSet.Key));
    }
}
