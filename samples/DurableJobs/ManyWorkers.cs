using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Opper.Typed;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire;

/// <summary>
/// The many-workers mode: several processes on one PostgreSQL database share the jobs. Hangfire.PostgreSql creates its
/// schema at start, and several processes doing so at once on an empty database log schema-creation errors, so exactly
/// one process (started first) passes <c>--prepare-schema</c> and the others start without preparing it.
/// <code>
///   dotnet run --project src/Opper.Typed.Cli -- emulator --job-seconds 2     # one emulator for all of them (no OPPER_API_KEY)
///   dotnet run --project samples/DurableJobs -- --postgres "Host=…" --base-url http://127.0.0.1:PORT/ --prepare-schema
///   dotnet run --project samples/DurableJobs -- --postgres "Host=…" --base-url http://127.0.0.1:PORT/
///   dotnet run --project samples/DurableJobs -- --postgres "Host=…" --base-url http://127.0.0.1:PORT/ --enqueue 6
/// </code>
/// </summary>
internal static class ManyWorkers
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connectionString = Value(args, "--postgres");
        var prepare = args.Contains("--prepare-schema");
        var enqueue = int.TryParse(Value(args, "--enqueue"), out var count) ? count : 0;
        var baseUrl = Value(args, "--base-url") ?? NonEmpty(Environment.GetEnvironmentVariable(OpperVideoClientOptions.BaseAddressVariable));
        var apiKey = NonEmpty(Environment.GetEnvironmentVariable(OpperVideoClientOptions.ApiKeyVariable));
        if (string.IsNullOrWhiteSpace(connectionString) || (apiKey is null && baseUrl is null))
        {
            // Each process starting its own emulator would not know the others' jobs: they need one shared emulator (or Opper).
            Console.Error.WriteLine("""
                Usage: dotnet run --project samples/DurableJobs -- --postgres "<connection string>" [--prepare-schema] [--enqueue N] [--base-url URL]
                Without OPPER_API_KEY the workers need one shared emulator: start `dotnet run --project src/Opper.Typed.Cli -- emulator --job-seconds 2`
                and pass the address it prints with --base-url (or OPPER_BASE_URL).
                """);
            return 2;
        }

        var folder = Directory.CreateDirectory(Path.Combine(Environment.CurrentDirectory, "sample-output", "durable-jobs", "postgres")).FullName;
        // `dotnet run` starts this app as a child process: SIGKILL to `dotnet run` leaves the app running, so name the app itself.
        Console.WriteLine($"Worker PID {Environment.ProcessId}: kill -9 {Environment.ProcessId} to try a crash. Clips go to {folder}.");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpperVideos(options =>
        {
            options.BaseAddress = baseUrl is null ? null : new Uri(baseUrl);
            options.ApiKey = apiKey ?? OpperEmulator.DefaultApiKey; // the emulator takes any key
        });
        // As the README's "Storages and a killed worker's step": a killed worker's step and locks come back within a minute.
        builder.Services.AddHangfire(configuration => configuration.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = prepare,
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
            QueuePollInterval = TimeSpan.FromSeconds(1),
        }));
        builder.Services.AddHangfireServer(options => (options.WorkerCount, options.SchedulePollingInterval) = (2, TimeSpan.FromSeconds(1)));
        builder.Services.AddOpperVideoJobs();
        // Says which process finished which job, so the shared work shows in the terminals.
        builder.Services.AddSingleton<IVideoJobCompletionHandler, PrintEndedJob>();

        using var host = builder.Build();
        // With PrepareSchemaIfNecessary the storage is created (and the schema with it) when the server starts.
        await host.StartAsync();
        Console.WriteLine(prepare ? "Ready: schema prepared; start the other workers now." : "Ready: working on the prepared schema.");

        if (enqueue > 0)
        {
            await EnqueueAndWaitAsync(host.Services.GetRequiredService<IVideoJobScheduler>(), folder, enqueue);
        }

        Console.WriteLine("Working until Ctrl+C.");
        await host.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Enqueues the clips and reports when every one has ended, wherever it ran.</summary>
    private static async Task EnqueueAndWaitAsync(IVideoJobScheduler scheduler, string folder, int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8]; // destinations of this run only: a later run does not meet its files
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var request = new Veo31FastGenerate001Request($"a hot air balloon number {i + 1} over green hills at dawn")
            {
                DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
                Resolution = Veo31FastGenerate001Resolution.Resolution720p,
            };
            keys.Add(await scheduler.EnqueueAsync(request, Path.Combine(folder, $"balloon-{run}-{i + 1}.mp4")));
        }

        Console.WriteLine($"Enqueued {count} jobs: {string.Join(", ", keys)}.");
        var ended = new List<DurableVideoJob>();
        while (ended.Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            ended.Clear();
            foreach (var key in keys)
            {
                if (await scheduler.GetJobAsync(key) is { State: DurableVideoJobState.Completed or DurableVideoJobState.Failed or DurableVideoJobState.NeedsAttention or DurableVideoJobState.Canceled } job)
                {
                    ended.Add(job);
                }
            }
        }

        var completed = ended.Count(job => job.State == DurableVideoJobState.Completed);
        Console.WriteLine($"All {count} jobs ended: {completed} completed.");
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed class PrintEndedJob : IVideoJobCompletionHandler
    {
        public Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken)
        {
            Console.WriteLine($"Worker {Environment.ProcessId} ended job {job.Key}: {job.State}{(job.Error is null ? $", {job.Bytes:N0} bytes" : $" ({job.Error})")}.");
            return Task.CompletedTask;
        }
    }
}
