using Hangfire.InMemory;
using Hangfire.States;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Storage;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>
/// A record that says the job ended while Hangfire still has it waiting: a state change wrote the record (a job
/// parameter, written at once) and its commit failed or was cut off. The checker finishes that change from the
/// record, once, instead of polling the job every lease for good.
/// </summary>
public sealed class RecordAheadTests
{
    [Theory]
    [InlineData(DurableVideoJobState.Completed, "Succeeded")]
    [InlineData(DurableVideoJobState.Canceled, "Deleted")]
    public async Task An_ended_record_of_a_waiting_job_has_its_state_change_finished_without_a_download(DurableVideoJobState ended, string hangfireState)
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(2) });
        var storage = new InMemoryStorage();
        using var folder = new TempFolder();
        string key;
        await using (var first = await DurableHost.StartAsync(emulator, storage))
        {
            key = await first.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));
            await Until.JobAsync(first.Scheduler, key, job => job.State == DurableVideoJobState.Waiting);
        }

        using (var connection = storage.GetConnection())
        {
            var store = new VideoJobStore(connection);
            var record = store.Read(key)!;
            (record.State, record.EndedAt, record.Notified) = (ended, DateTimeOffset.UtcNow, true);
            store.Write(key, record);
            Assert.Equal(OpperWaitingState.StateName, connection.GetStateData(key).Name);
        }

        await using var again = await DurableHost.StartAsync(emulator, storage);
        using var reader = storage.GetConnection();
        await Until.TrueAsync(() => reader.GetStateData(key).Name == hangfireState, $"Hangfire's {hangfireState} state", TimeSpan.FromSeconds(30));

        Assert.Equal(ended, (await again.Scheduler.GetJobAsync(key))!.State);
        Assert.False(File.Exists(folder.File("cat.mp4")), "the record said ended: nothing is downloaded again");
        Assert.DoesNotContain(key, reader.GetAllItemsFromSet(DueSet.Key));
    }
}
