namespace Opper.Typed.Hangfire;

/// <summary>
/// Told when a durable job ends: <see cref="DurableVideoJobState.Completed"/>, <see cref="DurableVideoJobState.Failed"/>,
/// <see cref="DurableVideoJobState.NeedsAttention"/> or <see cref="DurableVideoJobState.Canceled"/>, however it ended
/// (a step, Delete on the dashboard, Hangfire giving up), and again after each resume that ends it again. Register any number with <c>services.AddSingleton&lt;IVideoJobCompletionHandler, …&gt;()</c>
/// on the workers; each is called on the worker that ended the job.
/// </summary>
/// <remarks>
/// At least once: a handler that throws, or whose worker is killed, is called again for the same job (with its retries),
/// so make it idempotent (by <see cref="DurableVideoJob.Key"/>).
/// </remarks>
public interface IVideoJobCompletionHandler
{
    /// <summary>Called once the job has ended.</summary>
    /// <param name="job">The job, in its final state.</param>
    /// <param name="cancellationToken">The worker is stopping.</param>
    /// <returns>A task that completes when the handler is done.</returns>
    Task OnJobEndedAsync(DurableVideoJob job, CancellationToken cancellationToken);
}
