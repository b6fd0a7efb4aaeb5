using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Opper.Typed;

/// <summary>Registers <see cref="OpperVideoClient"/> with dependency injection.</summary>
public static class OpperVideosServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client for the API (carries the bearer token).</summary>
    public const string ApiHttpClientName = "Opper.Typed.Api";

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client for presigned downloads (never carries the token).</summary>
    public const string DownloadHttpClientName = "Opper.Typed.Download";

    /// <summary>
    /// Adds <see cref="OpperVideoClient"/> (transient, over <see cref="IHttpClientFactory"/> clients with retries for GETs only).
    /// Options start from the environment (<c>OPPER_API_KEY</c>, <c>OPPER_BASE_URL</c>); <paramref name="configure"/> changes them.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddOpperVideos(this IServiceCollection services, Action<OpperVideoClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OpperVideoClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpClient(ApiHttpClientName)
            .AddHttpMessageHandler(provider => new BearerTokenHandler(OptionsOf(provider).Validate()))
            .AddResilienceHandler(RetryPolicy.PipelineName, (builder, context) => RetryPolicy.Configure(builder, OptionsOf(context.ServiceProvider).Retry));
        services.AddHttpClient(DownloadHttpClientName)
            .AddResilienceHandler(RetryPolicy.PipelineName, (builder, context) => RetryPolicy.Configure(builder, OptionsOf(context.ServiceProvider).Retry));

        services.TryAddTransient(provider =>
        {
            var clientOptions = OptionsOf(provider);
            clientOptions.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new OpperVideoClient(clientOptions, factory.CreateClient(ApiHttpClientName), factory.CreateClient(DownloadHttpClientName));
        });
        return services;
    }

    private static OpperVideoClientOptions OptionsOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value;
}
