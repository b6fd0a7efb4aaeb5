using System.Collections.Concurrent;
using Hangfire.Storage;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// The waiting jobs this server's checker has seen, by key: a job submitted here is adopted with the operation that
/// submitted it (nothing to read back), one submitted elsewhere is rebuilt once from its state.
/// </summary>
internal sealed class WaitingJobs(OpperVideoClient client, ClientSettings settings, SharedCompletions completions)
{
    private readonly ConcurrentDictionary<string, WaitingJob> _jobs = new(StringComparer.Ordinal);
    private TaskCompletionSource _adopted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SharedCompletions Completions => completions;

    /// <summary>Completes when a job is next adopted: a sleeping checker wakes for a first check due sooner than it planned.</summary>
    public Task Adopted => Volatile.Read(ref _adopted).Task;

    public WaitingJob? Find(string key) => _jobs.GetValueOrDefault(key);

    /// <summary>Holds a job this process just submitted, with the operation that submitted it (it saw the job running then).</summary>
    /// <param name="key">The job's key.</param>
    /// <param name="data">The job as its waiting state keeps it.</param>
    /// <param name="operation">The operation of the POST; null when the POST's answer was cut after the id (one is made).</param>
    /// <param name="connection">Where what jobs of its shape took is read.</param>
    /// <returns>When its first check is due.</returns>
    public DateTimeOffset Adopt(string key, WaitingJobData data, VideoGenerationOperation? operation, IStorageConnection connection)
    {
        var now = settings.Time.GetUtcNow();
        operation ??= client.RebuildOperation(data.OpperJobId, data.StatusUrl, data.Shape, now - data.SubmittedAt, lastSeenRunning: TimeSpan.Zero);
        var job = NewJob(key, data, operation, connection, takenOverAfter: null);
        // Planned before it is held: a checker that sees it meanwhile must not take it for a stale one.
        job.NextCheckAt = now + job.Wait.NextDelay(job.SinceSubmission(now));
        _jobs[key] = job;
        Interlocked.Exchange(ref _adopted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return job.NextCheckAt;
    }

    /// <summary>Holds a job another server (or an earlier run of this one) started waiting for.</summary>
    public WaitingJob Rebuild(string key, WaitingJobData data, IStorageConnection connection)
    {
        var now = settings.Time.GetUtcNow();
        // When a poll last saw it running is not kept: its completion then teaches nothing rather than something wrong.
        var since = now - data.SubmittedAt;
        var operation = client.RebuildOperation(data.OpperJobId, data.StatusUrl, data.Shape, since, lastSeenRunning: null);
        var job = NewJob(key, data, operation, connection, takenOverAfter: since);
        _jobs[key] = job;
        return job;
    }

    /// <summary>The job with a wait that follows what jobs of its shape took, as every worker shares it (taken over: from where its schedule had got to).</summary>
    private WaitingJob NewJob(string key, WaitingJobData data, VideoGenerationOperation operation, IStorageConnection connection, TimeSpan? takenOverAfter)
    {
        var estimate = completions.Estimate(connection, data.Shape);
        var wait = takenOverAfter is { } since ? JobWait.TakenOver(settings.Polling, estimate, since) : new JobWait(settings.Polling, estimate);
        return new(key, data, operation, wait);
    }

    public void Forget(string key) => _jobs.TryRemove(key, out _);

    /// <summary>The jobs held: their planned checks say how long the checker may sleep.</summary>
    public IEnumerable<WaitingJob> All => _jobs.Values;
}
