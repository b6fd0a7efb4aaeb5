using System.Text.Json;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// A durable job's record and stored request, read and written through Hangfire's public storage API only (job
/// parameters, sets, distributed locks), so any Hangfire storage holds them.
/// </summary>
/// <remarks>
/// The record is the truth; the per-state sets (<see cref="VideoJobIndex"/>) are an index for listing. A step's write is a compare-and-set under
/// Hangfire's own job state lock (the one every state change holds): it lands only if the record is still in the state
/// this store read, so a Delete, a Requeue or a resume that changed it meanwhile wins, and the step stops
/// (<see cref="VideoJobMovedException"/>). The state filter writes with <see cref="WriteHeld"/>, inside the state change
/// that already holds the lock, its index moves in that change's transaction.
/// </remarks>
internal sealed class VideoJobStore(IStorageConnection connection)
{
    /// <summary>
    /// The state each record was in when this store read or wrote it (what a write compares against), and its index row
    /// then (what a write replaces: a set's entry is removed by its exact value).
    /// </summary>
    private readonly Dictionary<string, (DurableVideoJobState State, string Row)> _seen = new(StringComparer.Ordinal);

    /// <summary>The storage connection the store reads and writes through.</summary>
    public IStorageConnection Connection => connection;

    /// <summary>The job parameter that holds the record (JSON), shown on the dashboard's job page.</summary>
    public const string RecordParameter = "Opper.Video";

    /// <summary>The job parameter that holds the request, as the POST's JSON body, written once with the job.</summary>
    public const string RequestParameter = "Opper.Request";

    /// <summary>How long a write waits for a state change of the job to finish (milliseconds of work in the other).</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static string Serialize(VideoJobRecord record) => JsonSerializer.Serialize(record, VideoJobJson.Default.VideoJobRecord);

    public static string SerializeRequest(VideoWireRequest request) => JsonSerializer.Serialize(request, OpperJsonContext.Default.VideoWireRequest);

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

        var record = raw is null ? null : JsonSerializer.Deserialize(raw, VideoJobJson.Default.VideoJobRecord);
        if (record is not null)
        {
            _seen[key] = (record.State, VideoJobRow.Of(key, record));
        }

        return record;
    }

    public VideoWireRequest ReadRequest(string key)
    {
        var raw = connection.GetJobParameter(key, RequestParameter)
            ?? throw new InvalidOperationException($"Durable video job {key} has no stored request ({RequestParameter}); it was not created by IVideoJobScheduler.EnqueueAsync.");
        return JsonSerializer.Deserialize(raw, OpperJsonContext.Default.VideoWireRequest)
            ?? throw new InvalidOperationException($"Durable video job {key} has an empty stored request.");
    }

    /// <summary>
    /// Writes <paramref name="record"/> if the stored one is still in the state this store read, under Hangfire's job state
    /// lock, and moves the job's index entry. Otherwise nothing of it is written, except an Opper job id the stored
    /// record lacks (a paid job is never forgotten, canceled or not), and <see cref="VideoJobMovedException"/> is thrown.
    /// </summary>
    /// <param name="key">The job's key.</param>
    /// <param name="record">The record to write.</param>
    /// <param name="whileHangfireIs">Also only while Hangfire has the job in this state; null: in any.</param>
    public void Write(string key, VideoJobRecord record, string? whileHangfireIs = null)
    {
        using (Lock(key))
        {
            var read = _seen.TryGetValue(key, out var seen) ? seen.State : record.State;
            var current = Read(key) ?? throw new InvalidOperationException($"Durable video job {key} has no record to write over.");
            if (current.State != read || (whileHangfireIs is not null && connection.GetStateData(key)?.Name != whileHangfireIs))
            {
                if (current.OpperJobId is null && record.OpperJobId is not null)
                {
                    current.OpperJobId = record.OpperJobId;
                    current.SubmittedAt = record.SubmittedAt;
                    using var kept = connection.CreateWriteTransaction();
                    WriteHeld(key, current, current.State, kept);
                    kept.Commit();
                }

                throw new VideoJobMovedException(key, current);
            }

            if (read == record.State && _seen[key].Row == VideoJobRow.Of(key, record))
            {
                // Neither the state nor the row changes: no transaction to open (a round trip each way on SQL storages).
                connection.SetJobParameter(key, RecordParameter, Serialize(record));
                return;
            }

            using var transaction = connection.CreateWriteTransaction();
            WriteHeld(key, record, read, transaction);
            transaction.Commit();
        }
    }

    /// <summary>
    /// Writes <paramref name="record"/> for a caller that holds the job's state lock and read the record through this
    /// store, its index row replaced in <paramref name="transaction"/> (the row changes with the record, the set with the state).
    /// </summary>
    public void WriteHeld(string key, VideoJobRecord record, DurableVideoJobState previous, IWriteOnlyTransaction transaction)
    {
        connection.SetJobParameter(key, RecordParameter, Serialize(record));
        VideoJobIndex.Move(transaction, previous, _seen.TryGetValue(key, out var seen) ? seen.Row : null, key, record);
        _seen[key] = (record.State, VideoJobRow.Of(key, record));
        if (previous != record.State && record.State is DurableVideoJobState.Completed or DurableVideoJobState.Canceled)
        {
            // The two states whose Hangfire jobs expire: each end clears what earlier ones left behind.
            VideoJobIndex.DropExpired(connection, transaction, record.State);
        }
    }

    /// <summary>Hangfire's own lock on the job's state (<c>job:{key}:state-lock</c>): held by every state change, so a write under it never interleaves with one.</summary>
    private IDisposable Lock(string key) => connection.AcquireDistributedJobLock(key, LockTimeout);
}
