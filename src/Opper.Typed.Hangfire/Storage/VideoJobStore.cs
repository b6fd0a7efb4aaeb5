using System.Text.Json;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// A durable job's record and stored request, read and written through Hangfire's public storage API only (job
/// parameters, sets, distributed locks), so any Hangfire storage holds them.
/// </summary>
/// <remarks>
/// The record is the truth; the per-state sets are an index for listing. A state change adds the job to its new state's
/// set before the record changes and takes it out of the old one after, so a job is always listed under its state (and
/// for a moment also under the one before, which readers filter out by the record).
/// </remarks>
internal sealed class VideoJobStore(IStorageConnection connection)
{
    /// <summary>The job parameter that holds the record (JSON), shown on the dashboard's job page.</summary>
    public const string RecordParameter = "Opper.Video";

    /// <summary>The job parameter that holds the request, as the POST's JSON body, written once with the job.</summary>
    public const string RequestParameter = "Opper.Request";

    private const string IndexPrefix = "opper-video-jobs:";

    /// <summary>How long a step waits for another to finish the claim of a job (milliseconds of work in the other).</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static string Serialize(VideoJobRecord record) => JsonSerializer.Serialize(record, VideoJobJson.Default.VideoJobRecord);

    public static string SerializeRequest(VideoWireRequest request) => JsonSerializer.Serialize(request, OpperJsonContext.Default.VideoWireRequest);

    public static string IndexOf(DurableVideoJobState state) => IndexPrefix + state;

    /// <returns>The record; null when the storage has no durable video job under <paramref name="key"/>.</returns>
    public VideoJobRecord? Read(string key)
    {
        string? raw;
        try
        {
            raw = connection.GetJobParameter(key, RecordParameter);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException)
        {
            // SQL storages parse the key as a number: a key this storage never made is simply not a job of ours.
            return null;
        }

        return raw is null ? null : JsonSerializer.Deserialize(raw, VideoJobJson.Default.VideoJobRecord);
    }

    public VideoWireRequest ReadRequest(string key)
    {
        var raw = connection.GetJobParameter(key, RequestParameter)
            ?? throw new InvalidOperationException($"Durable video job {key} has no stored request ({RequestParameter}); it was not created by IVideoJobScheduler.EnqueueAsync.");
        return JsonSerializer.Deserialize(raw, OpperJsonContext.Default.VideoWireRequest)
            ?? throw new InvalidOperationException($"Durable video job {key} has an empty stored request.");
    }

    /// <summary>Writes <paramref name="record"/>, moving the job's index entry from <paramref name="previous"/> to its state.</summary>
    public void Write(string key, VideoJobRecord record, DurableVideoJobState previous)
    {
        var moved = previous != record.State;
        if (moved)
        {
            AddToIndex(key, record);
        }

        connection.SetJobParameter(key, RecordParameter, Serialize(record));
        if (moved)
        {
            using var transaction = connection.CreateWriteTransaction();
            transaction.RemoveFromSet(IndexOf(previous), key);
            transaction.Commit();
        }
    }

    private void AddToIndex(string key, VideoJobRecord record)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.AddToSet(IndexOf(record.State), key, record.EnqueuedAt.ToUnixTimeMilliseconds());
        transaction.Commit();
    }

    /// <summary>Serializes the claim of a job's POST across workers: held for the milliseconds it takes to read and mark.</summary>
    public IDisposable Lock(string key) => connection.AcquireDistributedLock("opper-video:" + key, LockTimeout);

    public IReadOnlyList<string> KeysIn(DurableVideoJobState state, int skip, int take)
    {
        var index = IndexOf(state);
        if (connection is JobStorageConnection ranged)
        {
            try
            {
                return ranged.GetRangeFromSet(index, skip, skip + take - 1);
            }
            catch (NotSupportedException)
            {
                // An older storage without ranges: read the whole set below.
            }
        }

        return connection.GetAllItemsFromSet(index).Skip(skip).Take(take).ToList();
    }

    public long CountIn(DurableVideoJobState state)
    {
        if (connection is JobStorageConnection counted)
        {
            try
            {
                return counted.GetSetCount(IndexOf(state));
            }
            catch (NotSupportedException)
            {
                // Counted below.
            }
        }

        return connection.GetAllItemsFromSet(IndexOf(state)).Count;
    }
}
