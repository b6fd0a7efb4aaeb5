using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Opper.Typed;

/// <summary>Registers <see cref="OpperVideoClient"/> with dependency injection.</summary>
public static class OpperVideosServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client for polls and the catalog (carries the bearer token; GETs retried).</summary>
    public const string ApiHttpClientName = "Opper.Typed.Api";

    /// <summary>
    /// The name of the <see cref="IHttpClientFactory"/> client that sends <c>POST /v3/videos</c> (carries the bearer
    /// token; no retry handler, because a second POST is a second paid job). It shares the API client's connections.
    /// </summary>
    public const string SubmitHttpClientName = "Opper.Typed.Submit";

    /// <summary>
    /// The name of the <see cref="IHttpClientFactory"/> client that sends <c>POST /v3/files</c> (carries the bearer token;
    /// no retry handler, because an upload counts against the quota, and no per-attempt timeout, because a large file
    /// takes as long as it takes: the upload is bounded by silence instead). It shares the API client's connections.
    /// </summary>
    public const string UploadHttpClientName = "Opper.Typed.Upload";

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client for presigned downloads (never carries the token).</summary>
    public const string DownloadHttpClientName = "Opper.Typed.Download";

    /// <summary>
    /// Adds <see cref="OpperVideoClient"/> as a singleton over <see cref="IHttpClientFactory"/> clients (retries for GETs
    /// only), with the host's logging and metrics. The key comes from <c>OPPER_API_KEY</c> and the address from
    /// <c>OPPER_BASE_URL</c> (else the public API); they are checked when the host starts (<c>ValidateOnStart</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddOpperVideos(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddClient(services);
    }

    /// <summary>
    /// Adds <see cref="OpperVideoClient"/> as <see cref="AddOpperVideos(IServiceCollection)"/> does; <paramref name="configure"/>
    /// sets the options, and settings it leaves unset fall back to <c>OPPER_API_KEY</c> and <c>OPPER_BASE_URL</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddOpperVideos(this IServiceCollection services, Action<OpperVideoClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OpperVideoClientOptions>().Configure(configure);
        return AddClient(services);
    }

    /// <summary>
    /// Adds <see cref="OpperVideoClient"/> as <see cref="AddOpperVideos(IServiceCollection)"/> does, with options bound from a configuration section: <c>ApiKey</c>, <c>BaseAddress</c>, <c>RequestTimeout</c>,
    /// <c>MaxDownloadAttempts</c>, <c>DownloadStallTimeout</c>, <c>ValidateRequests</c>, <c>Polling:FirstPollDelay|Interval|BackoffFactor|MaxInterval|Timeout</c>
    /// <c>Retry:MaxRetries|BaseDelay|MaxRetryAfter</c> and <c>Budget:Limit|Window|PricePerSecond:*|PricePerGeneration:*</c> (time spans as <c>hh:mm:ss</c>). For example
    /// <c>builder.Configuration.GetSection("Opper")</c>, fed by appsettings.json, user-secrets or <c>--Opper:ApiKey=…</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddOpperVideos(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OpperVideoClientOptions>().Configure(options => OpperVideoClientOptionsBinder.Bind(configuration, options));
        return AddClient(services);
    }

    private static IServiceCollection AddClient(IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(ClientSettings)))
        {
            // Registered before: a second call only adds its configuration, not a second set of handlers.
            return services;
        }

        services.AddOptions<OpperVideoClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpperVideoClientOptions>, OpperVideoClientOptionsValidator>());
        // The options resolved once, with the environment applied; the options object itself is never changed. A shared
        // budget ledger registered by another package (the durable jobs' storage) replaces the client's own.
        services.TryAddSingleton(provider =>
            ClientSettings.Resolve(provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value, Environment.GetEnvironmentVariable)
                with { BudgetLedger = provider.GetService<IVideoBudgetLedger>() });

        // The client is a singleton holding its HttpClients, so the handlers live as long as it does. The API and submit
        // clients share one pool, owned by the container. The chains are the ones a client without DI builds (HttpChain).
        services.TryAddSingleton(provider => new ApiConnections(provider.GetRequiredService<ClientSettings>()));
        HttpChain.Api.AddTo(services.AddHttpClient(ApiHttpClientName));
        HttpChain.Submit.AddTo(services.AddHttpClient(SubmitHttpClientName));
        HttpChain.Upload.AddTo(services.AddHttpClient(UploadHttpClientName));
        HttpChain.Download.AddTo(services.AddHttpClient(DownloadHttpClientName));

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value;
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new OpperVideoClient(
                provider.GetRequiredService<ClientSettings>(),
                new VideoHttpClients(factory.CreateClient(ApiHttpClientName), factory.CreateClient(SubmitHttpClientName), factory.CreateClient(UploadHttpClientName), factory.CreateClient(DownloadHttpClientName)),
                options.LoggerFactory ?? provider.GetService<ILoggerFactory>(),
                options.MeterFactory ?? provider.GetService<IMeterFactory>());
        });
        return services;
    }
}
