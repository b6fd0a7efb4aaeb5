using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>
/// A record that says the clip was delivered while Hangfire still has the job waiting: the change to Succeeded wrote the
/// record (a job parameter, written at once) and its commit failed or was cut off, or the completion handlers were. The
/// checker finishes the end from the record, with no second download, instead of finding the job completed every lease.
/// </summary>
public sealed class RecordAheadTests
{
    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task A_delivered_record_of_a_waiting_job_has_its_end_finished_without_a_download(bool notified, int handlerCalls)
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(5) }); // still running when the first host has stopped, however slowly it stops
        var storage = new InMemoryStorage();
        using var folder = new TempFolder();
        var key = await DurableHost.LeaveWaitingAsync(emulator, storage, folder.File("cat.mp4"));

        DurableHost.ChangeRecord(storage, key, record =>
            (record.State, record.EndedAt, record.Notified) = (DurableVideoJobState.Completed, DateTimeOffset.UtcNow, notified));
        using (var connection = storage.GetConnection())
        {
            Assert.Equal(OpperWaitingState.StateName, connection.GetStateData(key).Name);
        }

        var handler = new CountingHandler();
        await using var again = await DurableHost.StartAsync(emulator, storage, services: s => s.AddSingleton<IVideoJobCompletionHandler>(handler));
        using var reader = storage.GetConnection();
        await Until.TrueAsync(() => reader.GetStateData(key).Name == SucceededState.StateName, "Hangfire's Succeeded state");

        Assert.Equal(DurableVideoJobState.Completed, (await again.Scheduler.GetJobAsync(key))!.State);
        Assert.False(File.Exists(folder.File("cat.mp4")), "the record said delivered: nothing is downloaded again");
        Assert.DoesNotContain(key, reader.GetAllItemsFromSet(DueSet.Key));
        Assert.Equal(handlerCalls, handler.Calls);
    }

    private sealed class CountingHandler : IVideoJobCompletionHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.CompletedTask;
        }
    }
}
