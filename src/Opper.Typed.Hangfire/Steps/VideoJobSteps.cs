using Hangfire;
using Hangfire.Server;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// The Hangfire job behind every durable video job. Each run is one short step, chosen by what the job's record says:
/// submit (after which the job waits in <see cref="OpperWaitingState"/>, where the server's checker polls it and
/// downloads the clip), go back to waiting by the id it has, finish a delivery a requeue interrupted, or run the
/// completion handlers of an end. Hangfire calls it (it needs only a public method for that, not a public type); enqueue
/// jobs with <see cref="IVideoJobScheduler"/>.
/// </summary>
internal sealed class VideoJobSteps
{
    private readonly VideoJobRunner _runner;

    internal VideoJobSteps(VideoJobRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Runs the job's next step.</summary>
    /// <param name="model">The model id: shown in the dashboard's job name.</param>
    /// <param name="destination">Where the clip goes: shown in the dashboard's job name.</param>
    /// <param name="context">Supplied by Hangfire.</param>
    /// <param name="cancellationToken">Supplied by Hangfire: the server is stopping.</param>
    /// <returns>What the step leaves for Hangfire.</returns>
    [JobDisplayName("Opper video {0} -> {1}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 30, 120, 600, 1800])]
    [VideoJobStateFilter]
    public Task<VideoJobStepResult> RunAsync(string model, string destination, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context, nameof(context) + " (supplied by Hangfire; this method runs as a Hangfire job, enqueued by IVideoJobScheduler)");
        var key = context.BackgroundJob.Id;
        var handoff = context.Items.TryGetValue(ProcessingHandoff.Item, out var item) && item is ProcessingHandoff.Handoff left && left.Key == key ? left : null;
        return _runner.RunAsync(key, new VideoJobStore(context.Connection), handoff, cancellationToken);
    }

    /// <summary>Runs the completion handlers of a job Hangfire ended without its step (deleted, or its retries exhausted), once.</summary>
    /// <param name="key">The ended job's key.</param>
    /// <param name="context">Supplied by Hangfire.</param>
    /// <param name="cancellationToken">Supplied by Hangfire: the server is stopping.</param>
    /// <returns>A task that completes when the handlers ran; a failure is retried by Hangfire.</returns>
    [JobDisplayName("Opper video job {0}: completion handlers")]
    public Task NotifyAsync(string key, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context, nameof(context) + " (supplied by Hangfire)");
        return _runner.NotifyAsync(key, new VideoJobStore(context.Connection), cancellationToken);
    }
}
