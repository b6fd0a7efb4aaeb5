namespace Opper.Typed.Hangfire;

/// <summary>
/// Stores video generations as durable Hangfire jobs and reads them back. Registered by
/// <see cref="OpperVideoJobsServiceCollectionExtensions.AddOpperVideoJobs"/>; works in any process that has the storage,
/// whether or not it runs a Hangfire server.
/// </summary>
/// <remarks>
/// A job is submitted at most once: the POST happens on a worker, marked in the storage before it leaves and followed by
/// Opper's job id as soon as it is answered. A rerun with the id resumes by id; a rerun that finds the mark without an id
/// stops in <see cref="DurableVideoJobState.NeedsAttention"/> rather than paying twice.
/// </remarks>
public interface IVideoJobScheduler
{
    /// <summary>
    /// Checks <paramref name="request"/> by the client's rules, checks the file's folder, and stores the job. Nothing is
    /// sent to Opper here: a worker sends it, so this works while Opper is unreachable and never waits for it.
    /// </summary>
    /// <param name="request">A typed request (e.g. <c>Veo31FastGenerate001Request</c>) or a <see cref="VideoRequest"/>.</param>
    /// <param name="destinationPath">The file the clip goes to; its folder must exist. Relative paths resolve against this process's current folder.</param>
    /// <param name="cancellationToken">Cancels before the job is stored.</param>
    /// <returns>The job's key (its Hangfire job id).</returns>
    /// <exception cref="OpperValidationException">The request is invalid, or its inline media is too large to store; nothing was stored.</exception>
    /// <exception cref="ArgumentException">The path is a folder or its folder does not exist; nothing was stored.</exception>
    /// <exception cref="DurableVideoJobStorageException">The storage could not be written; nothing was stored.</exception>
    Task<string> EnqueueAsync(IVideoRequest request, string destinationPath, CancellationToken cancellationToken = default);

    /// <summary>Stores a job whose clip goes to <paramref name="destination"/>: a file or a named <see cref="IVideoJobSink"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="destination">Where the clip goes.</param>
    /// <param name="cancellationToken">Cancels before the job is stored.</param>
    /// <returns>The job's key.</returns>
    /// <exception cref="OpperValidationException">The request is invalid, or its inline media is too large to store; nothing was stored.</exception>
    /// <exception cref="ArgumentException">The file's folder does not exist, or no sink has that name; nothing was stored.</exception>
    /// <exception cref="DurableVideoJobStorageException">The storage could not be written; nothing was stored.</exception>
    Task<string> EnqueueAsync(IVideoRequest request, VideoJobDestination destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a job as <see cref="EnqueueAsync(IVideoRequest, VideoJobDestination, CancellationToken)"/> does, at most once per
    /// <see cref="VideoJobEnqueueOptions.IdempotencyKey"/>: while a job stored under that key exists, it returns that job's key
    /// and stores nothing new, also when several processes enqueue the same key at once (the check and the creation
    /// happen under the key's distributed lock in the storage).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="destination">Where the clip goes.</param>
    /// <param name="enqueueOptions">The idempotency key; null stores a new job, as the other overloads do.</param>
    /// <param name="cancellationToken">Cancels before the job is stored.</param>
    /// <returns>The job's key: a new one, or the existing job's for a key already used.</returns>
    /// <exception cref="OpperValidationException">The request is invalid, or its inline media is too large to store; nothing was stored.</exception>
    /// <exception cref="ArgumentException">The file's folder does not exist, no sink has that name, the key is blank or too long, or the key belongs to a job with a different request; nothing was stored.</exception>
    /// <exception cref="DurableVideoJobStorageException">The storage could not be written; nothing was stored.</exception>
    /// <example>
    /// <code>
    /// string key = await scheduler.EnqueueAsync(request, VideoJobDestination.File("clips/order-42.mp4"),
    ///     new VideoJobEnqueueOptions { IdempotencyKey = "order-42" });   // the same key every time the order is sent
    /// </code>
    /// </example>
    Task<string> EnqueueAsync(IVideoRequest request, VideoJobDestination destination, VideoJobEnqueueOptions? enqueueOptions, CancellationToken cancellationToken = default);

    /// <summary>Reads a job.</summary>
    /// <param name="key">The key <c>EnqueueAsync</c> returned.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The job, or null when the storage has no durable video job under that key (never stored, or expired after <see cref="OpperVideoJobOptions.CompletedJobRetention"/>).</returns>
    Task<DurableVideoJob?> GetJobAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Lists jobs in one state, oldest first.</summary>
    /// <param name="state">The state.</param>
    /// <param name="skip">How many to skip.</param>
    /// <param name="take">How many at most.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The jobs.</returns>
    Task<IReadOnlyList<DurableVideoJob>> ListJobsAsync(DurableVideoJobState state, int skip = 0, int take = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a job. Before its POST it is never sent; after it, it is not checked or downloaded any more and ends
    /// <see cref="DurableVideoJobState.Canceled"/> keeping its Opper job id. Opper has no cancel endpoint: a submitted job
    /// keeps running at Opper and is billed; <see cref="ResumeAsync"/> fetches its clip later without a second POST. The
    /// same as Delete on the Hangfire dashboard; the completion handlers are told.
    /// </summary>
    /// <param name="key">The job's key.</param>
    /// <param name="cancellationToken">Cancels before anything is changed.</param>
    /// <returns>A task that completes when the job is canceled (at once when it already was).</returns>
    /// <exception cref="InvalidOperationException">No such job, or it has already completed or failed.</exception>
    Task CancelAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a stopped job moving again, by id: a job in <see cref="DurableVideoJobState.NeedsAttention"/>,
    /// <see cref="DurableVideoJobState.Canceled"/> or <see cref="DurableVideoJobState.Failed"/> is checked again (one that
    /// failed at the polling timeout may have finished since; one the provider failed fails again); for a POST whose answer was lost, pass the Opper job id you found (the Opper dashboard lists your jobs), and
    /// the clip is fetched from it. The same as Requeue on the Hangfire dashboard. Changes Hangfire's state only from the
    /// one it read (compare-and-set), so it works from a completion handler and the moment a job stops, and never returns
    /// without effect.
    /// </summary>
    /// <param name="key">The job's key.</param>
    /// <param name="opperJobId">The Opper job id to use; null keeps the one the job has.</param>
    /// <param name="cancellationToken">Cancels before anything is written.</param>
    /// <returns>A task that completes when the job is queued again.</returns>
    /// <exception cref="InvalidOperationException">No such job, it is completed or still moving, it has no Opper job id and none was given, or its state kept changing.</exception>
    Task ResumeAsync(string key, string? opperJobId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a job whose POST answer was lost once more: a second paid job if the first one exists. Only for a job in
    /// <see cref="DurableVideoJobState.NeedsAttention"/> without an Opper job id, after you checked that Opper has none.
    /// </summary>
    /// <param name="key">The job's key.</param>
    /// <param name="cancellationToken">Cancels before anything is written.</param>
    /// <returns>A task that completes when the job is queued again.</returns>
    /// <exception cref="InvalidOperationException">No such job, or it already has an Opper job id (use <see cref="ResumeAsync"/>).</exception>
    Task ResubmitAsync(string key, CancellationToken cancellationToken = default);
}
