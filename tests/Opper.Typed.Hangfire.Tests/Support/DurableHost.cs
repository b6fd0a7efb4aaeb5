using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>
/// An application as a user writes it (AddOpperVideos, AddHangfire, AddHangfireServer, AddOpperVideoJobs), with the
/// storage and job activator registered per host, since Hangfire's defaults are process-wide and tests run side by side.
/// </summary>
internal sealed class DurableHost : IAsyncDisposable
{
    private readonly IHost _host;

    private DurableHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public IVideoJobScheduler Scheduler => Services.GetRequiredService<IVideoJobScheduler>();

    public JobStorage Storage => Services.GetRequiredService<JobStorage>();

    /// <param name="emulator">The API the client talks to.</param>
    /// <param name="storage">The job storage.</param>
    /// <param name="workers">Hangfire worker threads; 0 for a process that only enqueues.</param>
    /// <param name="jobs">Changes the durable jobs' options.</param>
    /// <param name="client">Changes the client's options.</param>
    /// <param name="services">Adds services (sinks, handlers).</param>
    /// <param name="defaults">Leave the client's polling and Hangfire's server options at their defaults, as a user's app has them.</param>
    public static Task<DurableHost> StartAsync(
        OpperEmulator emulator,
        JobStorage storage,
        int workers = 2,
        Action<OpperVideoJobOptions>? jobs = null,
        Action<OpperVideoClientOptions>? client = null,
        Action<IServiceCollection>? services = null,
        bool defaults = false) =>
        StartAsync(emulator.BaseAddress, emulator.ApiKey, storage, workers, jobs, client, services, defaults);

    /// <summary>A host whose client talks to <paramref name="api"/>: a server that is not the emulator.</summary>
    public static async Task<DurableHost> StartAsync(
        Uri api,
        string apiKey,
        JobStorage storage,
        int workers = 2,
        Action<OpperVideoJobOptions>? jobs = null,
        Action<OpperVideoClientOptions>? client = null,
        Action<IServiceCollection>? services = null,
        bool defaults = false)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddOpperVideos(options =>
        {
            options.BaseAddress = api;
            options.ApiKey = apiKey;
            if (!defaults)
            {
                Fast(options);
            }

            client?.Invoke(options);
        });
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(configuration => configuration.UseLogProvider(new SilentLogProvider()));
        if (workers > 0)
        {
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = workers;
                if (!defaults)
                {
                    options.SchedulePollingInterval = TimeSpan.FromMilliseconds(100);
                    options.ServerCheckInterval = TimeSpan.FromSeconds(5);
                }
            });
        }

        builder.Services.AddOpperVideoJobs(options =>
        {
            options.StepRetryDelay = defaults ? options.StepRetryDelay : TimeSpan.FromMilliseconds(100);
            jobs?.Invoke(options);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new DurableHost(host);
    }

    /// <summary>Client options that poll fast, for the host and for the worker processes (as Opper__Polling__… variables).</summary>
    public static void Fast(OpperVideoClientOptions options)
    {
        options.Polling.FirstPollDelay = TimeSpan.FromMilliseconds(50);
        options.Polling.Interval = TimeSpan.FromMilliseconds(100);
        options.Polling.MaxInterval = TimeSpan.FromMilliseconds(250);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
    }

    /// <summary>
    /// Enqueues a job on a host of its own and stops that host once the job waits for Opper: a job in
    /// <c>OpperWaiting</c> with its Opper id, whose state a test then changes as a cut-off commit would have left it.
    /// </summary>
    /// <returns>The job's key.</returns>
    public static async Task<string> LeaveWaitingAsync(OpperEmulator emulator, JobStorage storage, string destination)
    {
        await using var host = await StartAsync(emulator, storage);
        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), destination);
        await Until.JobAsync(host.Scheduler, key, job => job.State == DurableVideoJobState.Waiting);
        return key;
    }

    /// <summary>Rewrites a job's record as a person, a cut-off commit or another process would have left it.</summary>
    public static void ChangeRecord(JobStorage storage, string key, Action<VideoJobRecord> change)
    {
        using var connection = storage.GetConnection();
        var store = new VideoJobStore(connection);
        var record = store.Read(key)!;
        change(record);
        store.Write(key, record);
    }

    /// <summary>Waits until the job has ended (completed, failed, or stopped for attention), then returns it.</summary>
    public Task<DurableVideoJob> EndedAsync(string key, TimeSpan? timeout = null) =>
        Until.JobAsync(Scheduler, key, job => job.State is DurableVideoJobState.Completed or DurableVideoJobState.Failed or DurableVideoJobState.NeedsAttention, timeout);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
