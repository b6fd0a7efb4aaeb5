using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Opper.Typed;

/// <summary>
/// One handler of a chain, made the same way with and without dependency injection. <see cref="AddTo"/> adds it to a
/// factory client as a plain delegating handler; a layer the factory knows better (the retries, with their telemetry)
/// overrides it.
/// </summary>
internal abstract class ChainLayer
{
    /// <summary>The retries: GETs only (<see cref="RetryPolicy"/>).</summary>
    public static ChainLayer Retry { get; } = new RetryLayer();

    /// <summary>A fresh <see cref="OpperVideoClientOptions.RequestTimeout"/> per attempt, its body buffered (<see cref="AttemptTimeoutHandler"/>).</summary>
    public static ChainLayer AttemptTimeout { get; } = new AttemptTimeoutLayer(keepCutBody: false);

    /// <summary><see cref="AttemptTimeout"/>, keeping what arrived of a body that breaks off: the submission's, whose cut 202 may name the job.</summary>
    public static ChainLayer AttemptTimeoutKeepingCutBody { get; } = new AttemptTimeoutLayer(keepCutBody: true);

    /// <summary>The handler for a client made without dependency injection.</summary>
    public abstract DelegatingHandler Create(ChainContext context);

    /// <summary>Adds the handler to a factory client, below the layers added before it.</summary>
    public virtual void AddTo(IHttpClientBuilder client) =>
        client.AddHttpMessageHandler(provider => Create(HttpChain.ContextFrom(provider)));

    private sealed class RetryLayer : ChainLayer
    {
        public override DelegatingHandler Create(ChainContext context)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = context.Settings.Time };
            RetryPolicy.Configure(builder, context.Settings.Retry, context.Settings.Time);
            return new ResilienceHandler(builder.Build());
        }

        // The factory's own resilience handler: the same policy, with the host's resilience telemetry and pipeline name.
        public override void AddTo(IHttpClientBuilder client) =>
            client.AddResilienceHandler(RetryPolicy.PipelineName, (builder, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<ClientSettings>();
                RetryPolicy.Configure(builder, settings.Retry, settings.Time);
            });
    }

    private sealed class AttemptTimeoutLayer(bool keepCutBody) : ChainLayer
    {
        public override DelegatingHandler Create(ChainContext context) => new AttemptTimeoutHandler(context.Settings.RequestTimeout, keepCutBody);
    }
}
