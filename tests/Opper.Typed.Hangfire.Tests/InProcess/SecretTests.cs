using System.Text;
using Hangfire.Storage.SQLite;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>Nothing secret in the storage: the key appears nowhere in the SQLite file, whatever the jobs went through.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task The_api_key_is_in_no_byte_of_the_storage_after_jobs_that_succeed_fail_and_are_refused()
    {
        // A made-up key the emulator accepts, written here on purpose: the test looks for it in the storage.
        const string Key = "op-secret-5f1c9a7e2b4d48e0a1c3";
        using var folder = new TempFolder();
        var database = folder.File("jobs.db");
        await using (var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMilliseconds(100) }))
        await using (var failing = await OpperEmulator.StartAsync(new OpperEmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMilliseconds(100), FailJobs = true }))
        {
            using var storage = new SQLiteStorage(database, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) });
            await using (var host = await DurableHost.StartAsync(emulator, storage))
            {
                Assert.Equal(DurableVideoJobState.Completed, (await host.EndedAsync(await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("ok"), folder.File("ok.mp4")))).State);
            }

            await using (var host = await DurableHost.StartAsync(failing, storage))
            {
                Assert.Equal(DurableVideoJobState.Failed, (await host.EndedAsync(await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("fails"), folder.File("fails.mp4")))).State);
            }

            // A key the API refuses (401): the refusal's text is stored, the key it was refused with is not.
#pragma warning disable OPPER009 // the made-up key above, revoked
            await using (var host = await DurableHost.StartAsync(emulator, storage, client: o => o.ApiKey = Key + "-revoked"))
#pragma warning restore OPPER009
            {
                var refused = await host.EndedAsync(await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("refused"), folder.File("refused.mp4")));
                Assert.Equal(DurableVideoJobState.Failed, refused.State);
                Assert.Contains("401", refused.Error);
            }
        }

        var stored = string.Concat(Directory.GetFiles(folder.Path, "jobs.db*").Select(file => Encoding.UTF8.GetString(File.ReadAllBytes(file))));
        Assert.Contains("opperJobId", stored);
        Assert.DoesNotContain(Key, stored);
    }
}
