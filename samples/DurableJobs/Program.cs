// A worker service whose paid video job survives being killed. Its jobs live in SQLite (sample-output/durable-jobs/jobs.db
// in the current directory, which .gitignore ignores); without OPPER_API_KEY it runs against the local emulator, which
// keeps its own jobs in sample-output/durable-jobs/emulator.json so that it, too, survives the kill.
//
//   dotnet run --project samples/DurableJobs     # enqueues a clip; kill it (kill -9 <the PID it prints>) while it waits
//   dotnet run --project samples/DurableJobs     # started again: the same job goes on by its Opper id, and the clip arrives
//
// Exit code 0 once sample-output/durable-jobs/balloon.mp4 is whole; the Opper job was posted once across all runs.
//
// With `-- --postgres "<connection string>"` it is one of many workers on PostgreSQL instead (ManyWorkers.cs).
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Opper.Typed;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire;

if (args.Contains("--postgres"))
{
    return await ManyWorkers.RunAsync(args);
}

// Under sample-output/, like the other samples' files: a run from the clone leaves nothing for git to list.
var folder = Directory.CreateDirectory(Path.Combine(Environment.CurrentDirectory, "sample-output", "durable-jobs")).FullName;
var keyFile = Path.Combine(folder, "job-key.txt");
// `dotnet run` starts this app as a child process: SIGKILL to `dotnet run` leaves the app running, so name the app itself.
Console.WriteLine($"Worker PID {Environment.ProcessId}: kill -9 {Environment.ProcessId} to try a crash. Jobs and the clip go to {folder}.");

OpperEmulator? emulator = null;
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OpperVideoClientOptions.ApiKeyVariable)))
{
    // Twenty seconds a clip: time to kill the process while it waits.
    emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(20), StatePath = Path.Combine(folder, "emulator.json") });
    Console.WriteLine($"No OPPER_API_KEY set: using the local Opper emulator at {emulator.BaseAddress} (its jobs are kept in sample-output/durable-jobs/emulator.json).");
}

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddOpperVideos(options =>
{
    if (emulator is not null)
    {
        (options.BaseAddress, options.ApiKey) = (emulator.BaseAddress, emulator.ApiKey);
    }
});
// A step of a killed process is handed out again after the invisibility timeout, its locks after their lifetime.
builder.Services.AddHangfire(configuration => configuration.UseSQLiteStorage(Path.Combine(folder, "jobs.db"), new SQLiteStorageOptions
{
    InvisibilityTimeout = TimeSpan.FromSeconds(30),
    DistributedLockLifetime = TimeSpan.FromSeconds(30),
    QueuePollInterval = TimeSpan.FromSeconds(1),
}));
builder.Services.AddHangfireServer(options => (options.WorkerCount, options.SchedulePollingInterval) = (2, TimeSpan.FromSeconds(1)));
builder.Services.AddOpperVideoJobs();

using var host = builder.Build();
await host.StartAsync();
var scheduler = host.Services.GetRequiredService<IVideoJobScheduler>();

// The key is all a later run needs: the job, its Opper id and its progress are in the storage.
string key;
if (File.Exists(keyFile) && await scheduler.GetJobAsync(await File.ReadAllTextAsync(keyFile)) is { } stored)
{
    key = stored.Key;
    Console.WriteLine($"Job {key} is already stored ({stored.State}{(stored.OpperJobId is null ? "" : $", Opper job {stored.OpperJobId}")}): going on with it, nothing is sent again.");
}
else
{
    var request = new Veo31FastGenerate001Request("a hot air balloon drifting over green hills at dawn")
    {
        DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
        Resolution = Veo31FastGenerate001Resolution.Resolution720p,
        AspectRatio = Veo31FastGenerate001AspectRatio.AspectRatio16x9,
    };
    key = await scheduler.EnqueueAsync(request, Path.Combine(folder, "balloon.mp4"));
    await File.WriteAllTextAsync(keyFile, key);
    Console.WriteLine($"Enqueued job {key}. Kill this process while it waits, then start it again.");
}

var seen = "";
while (true)
{
    var job = (await scheduler.GetJobAsync(key))!;
    var now = $"{job.State}{(job.OpperJobId is null ? "" : $" (Opper job {job.OpperJobId})")}";
    if (now != seen)
    {
        Console.WriteLine($"Job {key}: {now}");
        seen = now;
    }

    if (job.State is DurableVideoJobState.Completed or DurableVideoJobState.Failed or DurableVideoJobState.NeedsAttention)
    {
        Console.WriteLine(job.State == DurableVideoJobState.Completed ? $"Saved {job.DestinationPath} ({job.Bytes:N0} bytes)." : job.Error);
        File.Delete(keyFile); // the next run starts a new job
        await host.StopAsync();
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }

        return job.State == DurableVideoJobState.Completed ? 0 : 1;
    }

    await Task.Delay(TimeSpan.FromMilliseconds(500));
}
