using Hangfire.InMemory;
using Hangfire.States;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>What Hangfire's own history of a durable job says: its wait for Opper is one state, not a ladder of retries.</summary>
public sealed class JobHistoryTests
{
    // Hangfire keeps a candidate state an election filter replaced: the submit step's Succeeded, turned into the wait,
    // stays in the history as one row, which says so. The wait and the delivery add no rows of their own.
    [Fact]
    public async Task A_delivered_jobs_history_is_its_submit_one_wait_and_its_delivery_not_a_ladder_of_checks()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(300) });
        using var folder = new TempFolder();
        var storage = new InMemoryStorage();
        await using var host = await DurableHost.StartAsync(emulator, storage);

        var done = await host.EndedAsync(await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a kite over dunes"), folder.File("kite.mp4")));

        Assert.Equal(DurableVideoJobState.Completed, done.State);
        var history = await Until.ValueAsync(
            () => Task.FromResult(storage.GetMonitoringApi().JobDetails(done.Key).History.Select(entry => entry).Reverse().ToList()),
            entries => entries.Count > 0 && entries[^1].StateName == SucceededState.StateName, "the Succeeded state in the history");
        Assert.Equal(
            [EnqueuedState.StateName, ProcessingState.StateName, SucceededState.StateName, OpperWaitingState.StateName, SucceededState.StateName],
            history.Select(entry => entry.StateName));
        Assert.Contains("waits for Opper", history[2].Reason);
        Assert.Contains("delivered", history[^1].Reason);
        // The wait's data, in the record's casing, is what the dashboard's history renderer shows.
        var waited = history[3].Data;
        Assert.Equal(done.OpperJobId, waited[OpperWaitingState.OpperJobIdName]);
        Assert.Equal(done.SubmittedAt!.Value.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), waited[OpperWaitingState.SubmittedAtName]);
        Assert.All(waited.Keys, name => Assert.True(char.IsLower(name[0]), name));
    }
}
