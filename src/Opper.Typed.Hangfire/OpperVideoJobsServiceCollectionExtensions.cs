using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Opper.Typed.Hangfire.Dashboard;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>Registers durable video jobs with dependency injection.</summary>
public static class OpperVideoJobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IVideoJobScheduler"/> and the job steps Hangfire runs, and the "Opper videos" page of the Hangfire
    /// dashboard. Use beside your own <c>AddOpperVideos(…)</c> (the client the steps use), <c>AddHangfire(…)</c> (the
    /// storage) and, on workers, <c>AddHangfireServer()</c>; the order does not matter.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; polling delays and the overall timeout are the client's.</param>
    /// <returns>The service collection.</returns>
    /// <example>
    /// <code>
    /// services.AddOpperVideos(o => o.ApiKey = key);
    /// services.AddHangfire(c => c.UseSQLiteStorage("jobs.db"));
    /// services.AddHangfireServer();
    /// services.AddOpperVideoJobs();
    /// string key = await scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a hot air balloon at dawn"), "clips/balloon.mp4");
    /// </code>
    /// </example>
    public static IServiceCollection AddOpperVideoJobs(this IServiceCollection services, Action<OpperVideoJobOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OpperVideoJobOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpperVideoJobOptions>, OpperVideoJobOptionsValidator>());
        services.TryAddSingleton<IVideoJobScheduler>(provider => new VideoJobScheduler(
            Required<OpperVideoClient>(provider, "services.AddOpperVideos(…)"),
            Required<ClientSettings>(provider, "services.AddOpperVideos(…)"),
            Required<IBackgroundJobClientV2>(provider, "services.AddHangfire(…)"),
            provider.GetRequiredService<IOptions<OpperVideoJobOptions>>().Value,
            provider,
            provider.GetRequiredService<ILogger<VideoJobSteps>>()));
        services.TryAddSingleton(provider => new SharedCompletions(Required<ClientSettings>(provider, "services.AddOpperVideos(…)").Time));
        services.TryAddSingleton(provider => new WaitingJobs(
            Required<OpperVideoClient>(provider, "services.AddOpperVideos(…)"),
            Required<ClientSettings>(provider, "services.AddOpperVideos(…)"),
            provider.GetRequiredService<SharedCompletions>()));
        // Every Hangfire server runs the registered background processes: one checker each, whatever the number of workers.
        // (Hangfire.NetCore's AddHangfireServer collects IBackgroundProcess services: the checker is also one.)
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackgroundProcess, VideoJobChecker>());
        services.TryAddSingleton(provider => new VideoJobRunner(
            Required<OpperVideoClient>(provider, "services.AddOpperVideos(…)"),
            Required<ClientSettings>(provider, "services.AddOpperVideos(…)"),
            provider.GetRequiredService<IOptions<OpperVideoJobOptions>>().Value,
            provider.GetRequiredService<WaitingJobs>(),
            provider,
            provider.GetRequiredService<ILogger<VideoJobSteps>>()));
        services.TryAddTransient(provider => new VideoJobSteps(provider.GetRequiredService<VideoJobRunner>()));
        // Every process on the storage reserves in one ledger there, so a budget holds across all of them.
        services.TryAddSingleton<IVideoBudgetLedger>(provider => new StorageBudgetLedger(() => Required<JobStorage>(provider, "services.AddHangfire(…)")));
        services.AddLogging();
        OpperVideosDashboard.Register();
        WaitingStateHandler.Register();
        return services;
    }

    private static T Required<T>(IServiceProvider provider, string registration)
        where T : notnull =>
        provider.GetService<T>() ?? throw new InvalidOperationException($"AddOpperVideoJobs needs {typeof(T).Name}: call {registration} as well.");
}
