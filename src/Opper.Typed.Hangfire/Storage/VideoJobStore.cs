using System.Text.Json;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// A durable job's record and stored request, read and written through Hangfire's public storage API only (job
/// parameters, sets, distributed locks), so any Hangfire storage holds them.
/// </summary>
/// <remarks>
/// The record is the truth; the per-state sets (<see cref="VideoJobIndex"/>) are an index for listing. A record changes
/// with the Hangfire state change that a step's outcome leads to: the step hands it over (<see cref="PendingRecord"/>),
/// and the steps' state filter writes it inside that change, under Hangfire's job state lock, its index move in the
/// change's transaction (<see cref="WritePending"/>), so a Delete, a Requeue or a resume that moved the job meanwhile
/// wins and the step's outcome is dropped whole. The few writes outside a state change (the checker's Downloading, a
/// person's resume) are compare-and-sets under the same lock (<see cref="Write"/>). Opper's id is the exception that
/// never waits: it is stored the moment the POST answers (<see cref="RememberOpperJobId"/>), so a paid job is never
/// forgotten, whoever wins.
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

    /// <summary>
    /// The job parameter that holds Opper's id (and when the POST answered) from the moment it is known, before the
    /// state change that writes it into the record: a record with a mark and no id is read with it.
    /// </summary>
    public const string OpperJobIdParameter = "Opper.JobId";

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
        if (record is null)
        {
            return null;
        }

        // As stored: the index row a later write replaces is the stored one, without an id merged in below.
        Adopt(key, record);
        if (record is { OpperJobId: null, SubmittingSince: not null }
            && OpperJobIds.Parse(connection.GetJobParameter(key, OpperJobIdParameter)) is { } answered)
        {
            // A POST was sent, it answered, and no state change wrote its id into the record (a Delete or requeue won the
            // race, or the worker died in between): the job is paid for and is known by this id, canceled or not.
            (record.OpperJobId, record.SubmittedAt) = answered;
        }

        return record;
    }

    /// <summary>Takes <paramref name="record"/> as read now (by the state change that handed it over): what a later write compares against.</summary>
    public void Adopt(string key, VideoJobRecord record) => _seen[key] = (record.State, VideoJobRow.Of(key, record));

    /// <summary>Stores Opper's id for a job whose POST just answered: one write, no lock (only the worker that sent the POST writes it).</summary>
    public void RememberOpperJobId(string key, string opperJobId, DateTimeOffset submittedAt) =>
        connection.SetJobParameter(key, OpperJobIdParameter, OpperJobIds.Format(opperJobId, submittedAt));

    /// <summary><paramref name="record"/>, to be written by the state change the step's outcome leads to, over what this store read.</summary>
    public PendingRecord Pending(string key, VideoJobRecord record) =>
        _seen.TryGetValue(key, out var seen) ? new(key, record, seen.State, seen.Row) : new(key, record, record.State, PreviousRow: null);

    /// <summary>Writes a step's record inside the state change that holds the job's state lock, its index move in <paramref name="transaction"/>.</summary>
    public void WritePending(PendingRecord pending, IWriteOnlyTransaction transaction)
    {
        _seen[pending.Key] = (pending.PreviousState, pending.PreviousRow ?? "");
        WriteHeld(pending.Key, pending.Record, pending.PreviousState, transaction);
    }

    public VideoWireRequest ReadRequest(string key)
    {
        var raw = connection.GetJobParameter(key, RequestParameter)
            ?? throw new InvalidOperationException($"Durable video job {key} has no stored request ({RequestParameter}); it was not created by IVideoJobScheduler.EnqueueAsync.");
        return JsonSerializer.Deserialize(raw, OpperJsonContext.Default.VideoWireRequest)
            ?? throw new InvalidOperationException($"Durable video job {key} has an empty stored request.");
    }

    /// <summary>
    /// Reads the record under Hangfire's job state lock, has <paramref name="change"/> change it, and writes it with its
    /// index moved: a compare-and-set with one read.
    /// </summary>
    /// <param name="key">The job's key.</param>
    /// <param name="whileHangfireIs">Only while Hangfire has the job in this state.</param>
    /// <param name="change">Changes the record; false: it is not to be changed (moved on), and <see cref="VideoJobMovedException"/> is thrown.</param>
    /// <returns>The record as written.</returns>
    public VideoJobRecord Update(string key, string whileHangfireIs, Func<VideoJobRecord, bool> change)
    {
        using (Lock(key))
        {
            var record = Read(key) ?? throw new InvalidOperationException($"Durable video job {key} has no record.");
            var previous = record.State;
            if (connection.GetStateData(key)?.Name != whileHangfireIs || !change(record))
            {
                throw new VideoJobMovedException(key, record);
            }

            using var transaction = connection.CreateWriteTransaction();
            WriteHeld(key, record, previous, transaction);
            transaction.Commit();
            return record;
        }
    }

    /// <summary>
    /// Writes <paramref name="record"/> if the stored one is still in the state this store read, under Hangfire's job state
    /// lock, and moves the job's index entry. Otherwise nothing of it is written, except an Opper job id the stored
    /// record lacks (a paid job is never forgotten, canceled or not), and <see cref="VideoJobMovedException"/> is thrown.
    /// </summary>
    /// <param name="key">The job's key.</param>
    /// <param name="record">The record to write.</param>
    public void Write(string key, VideoJobRecord record)
    {
        using (Lock(key))
        {
            var read = _seen.TryGetValue(key, out var seen) ? seen.State : record.State;
            var current = Read(key) ?? throw new InvalidOperationException($"Durable video job {key} has no record to write over.");
            if (current.State != read)
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
    /// Records a delivery whose end Hangfire did not take (the job was deleted or requeued the moment its clip arrived):
    /// the clip is there, so the record says Completed whatever the move said, and no later run delivers it again.
    /// </summary>
    public void KeepDelivered(string key, VideoJobRecord delivered)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // Completed already (stored before the handlers ran) is left alone only if it knows as much as this delivery:
            // handlers that ran here must not run again for a record that still says they did not.
            if (Read(key) is not { } current || (current.State == DurableVideoJobState.Completed && (current.Notified || !delivered.Notified)))
            {
                return;
            }

            try
            {
                Write(key, delivered);
                return;
            }
            catch (VideoJobMovedException)
            {
                // Changed between the read and the write: read again.
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="record"/> for a caller that holds the job's state lock and read the record through this
    /// store, its index row replaced in <paramref name="transaction"/> (the row changes with the record, the set with the state).
    /// </summary>
    public void WriteHeld(string key, VideoJobRecord record, DurableVideoJobState previous, IWriteOnlyTransaction transaction)
    {
        connection.SetJobParameter(key, RecordParameter, Serialize(record));
        VideoJobIndex.Move(transaction, previous, _seen.TryGetValue(key, out var seen) && seen.Row.Length > 0 ? seen.Row : null, key, record);
        _seen[key] = (record.State, VideoJobRow.Of(key, record));
    }

    /// <summary>Hangfire's own lock on the job's state (<c>job:{key}:state-lock</c>): held by every state change, so a write under it never interleaves with one.</summary>
    private IDisposable Lock(string key) => connection.AcquireDistributedJobLock(key, LockTimeout);
}
