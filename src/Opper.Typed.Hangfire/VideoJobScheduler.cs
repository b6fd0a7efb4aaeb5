using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Stores durable jobs through Hangfire's client, in one write: the job, its record and its request are created together
/// (and the job listed as queued, by the steps' state filter), so a storage failure leaves nothing behind.
/// </summary>
internal sealed partial class VideoJobScheduler(
    OpperVideoClient client,
    ClientSettings settings,
    IBackgroundJobClientV2 jobs,
    OpperVideoJobOptions options,
    IServiceProvider services,
    ILogger<VideoJobSteps> logger) : IVideoJobScheduler
{
    /// <summary>Striped in-process locks of idempotency keys (a key's stripe by its hash): few objects, and rarely shared by two live keys.</summary>
    private static readonly object[] LocalLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    public Task<string> EnqueueAsync(IVideoRequest request, string destinationPath, CancellationToken cancellationToken = default) =>
        EnqueueAsync(request, VideoJobDestination.File(destinationPath), cancellationToken);

    public Task<string> EnqueueAsync(IVideoRequest request, VideoJobDestination destination, CancellationToken cancellationToken = default) =>
        EnqueueAsync(request, destination, enqueueOptions: null, cancellationToken);

    public async Task<string> EnqueueAsync(IVideoRequest request, VideoJobDestination destination, VideoJobEnqueueOptions? enqueueOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        var idempotencyKey = enqueueOptions?.IdempotencyKey;
        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > VideoJobEnqueueOptions.MaxIdempotencyKeyLength))
        {
            throw new ArgumentException(
                $"VideoJobEnqueueOptions.IdempotencyKey must be 1 to {VideoJobEnqueueOptions.MaxIdempotencyKeyLength} characters, not blank; got {idempotencyKey.Length}. Pass null for no key. Nothing was enqueued.",
                nameof(enqueueOptions));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var wire = client.PrepareSubmission(request, out var uploads);
        var path = CheckDestination(destination);
        if (uploads is not null)
        {
            // Checked first, then local media uploaded where the client's MediaUpload says so: the job stores file ids, not bytes.
            wire = await uploads.UploadAsync(wire, cancellationToken).ConfigureAwait(false);
        }

        var requestJson = StoredRequestSize.Check(wire, options.MaxStoredRequestBytes);
        // Here the typed request's own spec is at hand; a worker may not have the model in its catalog.
        var cost = client.EstimateCost(request);
        var record = new VideoJobRecord
        {
            State = DurableVideoJobState.Queued,
            Queue = options.Queue,
            Model = wire.Model,
            Shape = JobShape.Of(wire),
            PromptDigest = Digest(wire.Prompt),
            Destination = path,
            Sink = destination.SinkName,
            EnqueuedAt = settings.Time.GetUtcNow(),
            EstimatedCost = cost?.Amount,
            CostBasis = cost?.Basis,
            IdempotencyEntry = idempotencyKey is null ? null : IdempotencyKeys.EntryOf(idempotencyKey),
        };

        var shown = destination.SinkName is null ? path : destination.ToString();
        var parameters = new Dictionary<string, object>
        {
            [VideoJobStore.RecordParameter] = new JRaw(VideoJobStore.Serialize(record)),
            [VideoJobStore.RequestParameter] = new JRaw(requestJson),
        };
        return idempotencyKey is null
            ? Create(wire.Model, shown, parameters, record)
            : CreateOnce(idempotencyKey, IdempotencyKeys.RequestDigest(requestJson, shown), wire.Model, shown, parameters, record);
    }

    /// <summary>
    /// The job stored under <paramref name="idempotencyKey"/>, or a new one: the check and the creation under the key's
    /// storage lock, so processes enqueueing the same key at once make one job between them.
    /// </summary>
    private string CreateOnce(string idempotencyKey, string requestDigest, string model, string shown, Dictionary<string, object> parameters, VideoJobRecord record)
    {
        var entry = IdempotencyKeys.EntryOf(idempotencyKey);
        // Callers in this process queue here, where a release wakes the next at once; a storage lock is polled (up to a
        // second apart on PostgreSQL), so only one caller per process waits on it, and the rest find its job below.
        lock (LocalLocks[(entry.GetHashCode() & int.MaxValue) % LocalLocks.Length])
        {
            using var connection = jobs.Storage.GetConnection();
            var keys = new IdempotencyKeys(connection);
            if (Existing(keys, connection, entry, idempotencyKey, requestDigest) is { } found)
            {
                return found;
            }

            using (keys.Lock(entry))
            {
                if (Existing(keys, connection, entry, idempotencyKey, requestDigest) is { } foundUnderLock)
                {
                    return foundUnderLock;
                }

                // Created, then remembered: a process killed between the two leaves a job its key does not name (a repeat
                // would make a second), never a key naming no job.
                var key = Create(model, shown, parameters, record);
                keys.Remember(entry, key, requestDigest);
                return key;
            }
        }
    }

    /// <returns>The job the key belongs to; null when it belongs to none, or to one that has expired or was deleted (the key is free again).</returns>
    private string? Existing(IdempotencyKeys keys, IStorageConnection connection, string entry, string idempotencyKey, string requestDigest)
    {
        if (keys.Find(entry) is not { } used || new VideoJobStore(connection).Read(used.Job) is null)
        {
            return null;
        }

        if (used.Request != requestDigest)
        {
            throw new ArgumentException(
                $"Idempotency key '{idempotencyKey}' already belongs to durable video job {used.Job}, which has a different request or destination. Use a new key for a new job; nothing was enqueued.",
                nameof(idempotencyKey));
        }

        JobLog.AlreadyEnqueued(logger, used.Job, idempotencyKey);
        return used.Job;
    }

    private string Create(string model, string shown, Dictionary<string, object> parameters, VideoJobRecord record)
    {
        var job = Job.FromExpression<VideoJobSteps>(steps => steps.RunAsync(model, shown, null, CancellationToken.None));
        var queued = new EnqueuedState(options.Queue);
        // The state filter lists the new job in the transaction that creates it, from this record (nothing to read back).
        PendingRecord.Attach(queued, new PendingRecord(Key: "", record, record.State, PreviousRow: null));
        string? key;
        try
        {
            key = jobs.Create(job, queued, parameters);
        }
        catch (BackgroundJobClientException exception)
        {
            throw new DurableVideoJobStorageException(
                $"The video job could not be stored: {(exception.InnerException ?? exception).Message.TrimEnd('.')}. Nothing was stored and nothing was sent to Opper; enqueue it again when the storage is reachable.",
                exception.InnerException ?? exception);
        }

        if (key is null)
        {
            throw new DurableVideoJobStorageException("A Hangfire client filter cancelled the creation of the video job; nothing was stored or sent.", innerException: null);
        }

        JobLog.Enqueued(logger, key, model, shown);
        return key;
    }

    public Task<DurableVideoJob?> GetJobAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = jobs.Storage.GetConnection();
        var record = new VideoJobStore(connection).Read(key);
        return Task.FromResult(record is null ? null : new DurableVideoJob(key, record));
    }

    public Task<IReadOnlyList<DurableVideoJob>> ListJobsAsync(DurableVideoJobState state, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = jobs.Storage.GetConnection();
        return Task.FromResult(VideoJobListing.List(new VideoJobStore(connection), state, skip, take));
    }

    private string CheckDestination(VideoJobDestination destination)
    {
        if (destination.SinkName is not { } sink)
        {
            Destination.ThrowIfUnusable(destination.Path, "Nothing was enqueued");
            return Path.GetFullPath(destination.Path);
        }

        if (services.GetKeyedService<IVideoJobSink>(sink) is null)
        {
            throw new ArgumentException(
                $"No IVideoJobSink is registered as '{sink}': add services.AddKeyedSingleton<IVideoJobSink, YourSink>(\"{sink}\") where jobs are enqueued and where they run. Nothing was enqueued.",
                nameof(destination));
        }

        return destination.Path;
    }

    private static string Digest(string prompt) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)), 0, 6).ToLowerInvariant();
}
