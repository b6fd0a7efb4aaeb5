using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
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
    public Task<string> EnqueueAsync(IVideoRequest request, string destinationPath, CancellationToken cancellationToken = default) =>
        EnqueueAsync(request, VideoJobDestination.File(destinationPath), cancellationToken);

    public async Task<string> EnqueueAsync(IVideoRequest request, VideoJobDestination destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        var wire = client.PrepareSubmission(request, out var uploads);
        var path = CheckDestination(destination);
        if (uploads is not null)
        {
            // Checked first, then local media uploaded where the client's MediaUpload says so: the job stores file ids, not bytes.
            wire = await uploads.UploadAsync(wire, cancellationToken).ConfigureAwait(false);
        }
        var requestJson = StoredRequestSize.Check(wire, options.MaxStoredRequestBytes);
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
        };

        var shown = destination.SinkName is null ? path : destination.ToString();
        var job = Job.FromExpression<VideoJobSteps>(steps => steps.RunAsync(wire.Model, shown, null, CancellationToken.None));
        string? key;
        try
        {
            key = jobs.Create(job, new EnqueuedState(options.Queue), new Dictionary<string, object>
            {
                [VideoJobStore.RecordParameter] = new JRaw(VideoJobStore.Serialize(record)),
                [VideoJobStore.RequestParameter] = new JRaw(requestJson),
            });
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

        JobLog.Enqueued(logger, key, wire.Model, shown);
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
