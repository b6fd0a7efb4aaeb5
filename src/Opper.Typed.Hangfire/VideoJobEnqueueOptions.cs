namespace Opper.Typed.Hangfire;

/// <summary>How <see cref="IVideoJobScheduler.EnqueueAsync(IVideoRequest, VideoJobDestination, VideoJobEnqueueOptions?, CancellationToken)"/> stores a job.</summary>
public sealed class VideoJobEnqueueOptions
{
    /// <summary>The longest <see cref="IdempotencyKey"/> accepted, in characters.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>
    /// Your name for this logical job, e.g. <c>order-42</c> or the <c>Idempotency-Key</c> header of the HTTP request that
    /// asked for it. While a job stored under it exists, enqueueing the same key again returns that job's key and stores
    /// nothing, also when several processes enqueue it at once: a double click or a proxy's retry is one paid job. Sending
    /// a different request under a used key is an error. Null (the default): every call stores a new job.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
