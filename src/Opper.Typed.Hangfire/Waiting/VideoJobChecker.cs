using System.Collections.Concurrent;
using System.Net;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Checks the waiting durable jobs: one per Hangfire server (<c>AddOpperVideoJobs</c> registers it as a background
/// process, and <c>AddHangfireServer</c> runs every registered one). Each round claims the jobs that are due, up to
/// <see cref="BatchSize"/>, by scoring them forward in one write; polls them concurrently without a worker thread; and
/// moves the finished ones on by Hangfire state changes (compare-and-set from <see cref="OpperWaitingState"/>): a
/// completed job is queued for its download, a failed one ends. A running job needs no second write: it was claimed
/// until its next check. A killed server holds nothing: its claims fall due within <see cref="LeaseSeconds"/>.
/// </summary>
internal sealed class VideoJobChecker(
    OpperVideoClient client,
    ClientSettings settings,
    IOptions<OpperVideoJobOptions> options,
    WaitingJobs jobs,
    ILogger<VideoJobChecker> logger) : IBackgroundProcessAsync, IBackgroundProcess
{
    /// <summary>The longest a claim holds a job: a checker killed mid-poll delays the job's next check by at most this.</summary>
    internal const double LeaseSeconds = 30;

    /// <summary>Jobs claimed in one round.</summary>
    internal const int BatchSize = 500;

    /// <summary>Polls in flight at once.</summary>
    internal const int MaxConcurrentChecks = 64;

    /// <summary>How long an idle checker waits before it looks again for jobs it did not claim itself (another server's, new ones).</summary>
    internal static readonly TimeSpan IdleInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a held job's Hangfire state is read again: a job moved elsewhere meanwhile is let go by then.</summary>
    internal static readonly TimeSpan VerifyEvery = TimeSpan.FromSeconds(30);

    /// <summary>A held job this server has not claimed for this long past its planned check is let go.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    private readonly OpperVideoJobOptions _options = options.Value;
    private JobStorage? _warnedFor;

    private DateTimeOffset Now => settings.Time.GetUtcNow();

    /// <summary>
    /// For <c>AddHangfireServer</c>, which runs the <see cref="IBackgroundProcess"/> services of the container, each on a
    /// thread of its own (not a worker): that thread waits for a round while the round's polls run without threads.
    /// </summary>
    public void Execute(BackgroundProcessContext context) => ExecuteAsync(context).GetAwaiter().GetResult();

    public async Task ExecuteAsync(BackgroundProcessContext context)
    {
        var storage = context.Storage;
        if (!ReferenceEquals(_warnedFor, storage))
        {
            _warnedFor = storage;
            StorageSettingsWarning.Check(storage, logger);
        }

        var stopping = context.StoppingToken;
        int claimed;
        try
        {
            claimed = await RoundAsync(storage, stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // A storage hiccup: nothing is lost (claims fall due again), so the next round simply tries again.
            CheckerLog.RoundFailed(logger, exception, exception.Message);
            claimed = 0;
        }

        if (claimed < BatchSize && !stopping.IsCancellationRequested)
        {
            await SleepAsync(stopping).ConfigureAwait(false);
        }
    }

    /// <returns>How many jobs were due.</returns>
    internal async Task<int> RoundAsync(JobStorage storage, CancellationToken stopping)
    {
        List<(WaitingJob Job, TimeSpan Planned)> claimed;
        int due;
        using (var connection = storage.GetConnection())
        {
            var now = Now;
            var keys = DueSet.Due(connection, now, BatchSize);
            due = keys.Count;
            claimed = Claim(connection, keys, now);
        }

        if (claimed.Count == 0)
        {
            return due;
        }

        var rescheduled = new ConcurrentBag<(string Key, DateTimeOffset At)>();
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentChecks, CancellationToken = stopping },
            async (claim, token) =>
            {
                if (await CheckAsync(storage, claim.Job, token).ConfigureAwait(false) is { } at)
                {
                    rescheduled.Add((claim.Job.Key, at));
                }
            }).ConfigureAwait(false);
        using (var connection = storage.GetConnection())
        {
            DueSet.Schedule(connection, rescheduled);
        }

        return due;
    }

    /// <summary>Holds each due job until its next check, should this one find it running; lets go of jobs no longer waiting.</summary>
    private List<(WaitingJob Job, TimeSpan Planned)> Claim(IStorageConnection connection, IReadOnlyList<string> keys, DateTimeOffset now)
    {
        var claimed = new List<(WaitingJob, TimeSpan)>(keys.Count);
        var claims = new List<(string, DateTimeOffset)>(keys.Count);
        foreach (var key in keys)
        {
            var job = jobs.Find(key);
            if (job is null || now - job.VerifiedAt >= VerifyEvery)
            {
                if (OpperWaitingState.Read(connection.GetStateData(key)) is not { } data)
                {
                    // Moved on (deleted, requeued) after this entry was claimed or read: it is not ours to poll.
                    DueSet.Forget(connection, key);
                    jobs.Forget(key);
                    continue;
                }

                job = job is not null && job.Data == data ? job : jobs.Rebuild(key, data, connection);
                job.VerifiedAt = now;
            }

            if (job.NextCheckAt != default)
            {
                client.Metrics.CheckLate(now - job.NextCheckAt);
            }

            var planned = job.Wait.PlanIfRunning(job.SinceSubmission(now));
            job.NextCheckAt = now + planned;
            claims.Add((key, now + (planned.TotalSeconds < LeaseSeconds ? planned : TimeSpan.FromSeconds(LeaseSeconds))));
            claimed.Add((job, planned));
        }

        DueSet.Schedule(connection, claims);
        return claimed;
    }

    /// <summary>Polls one job and acts on the answer.</summary>
    /// <returns>When to check it next, where that differs from its claim; null when its claim stands or it moved on.</returns>
    private async Task<DateTimeOffset?> CheckAsync(JobStorage storage, WaitingJob job, CancellationToken stopping)
    {
        var id = job.Data.OpperJobId;
        VideoStatus status;
        try
        {
            status = await job.Operation.UpdateStatusAsync(stopping).ConfigureAwait(false);
        }
        catch (OpperApiException missing) when (missing.Status == HttpStatusCode.NotFound)
        {
            End(storage, job, DurableVideoJobState.NeedsAttention, WaitMessages.NotFound(id, job.Key));
            return null;
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            return CheckFailed(storage, job, exception);
        }

        job.Failures = 0;
        var since = job.SinceSubmission(Now);
        switch (job.Wait.Judge(status))
        {
            case WaitVerdict.Completed:
                Completed(storage, job);
                return null;
            case WaitVerdict.Failed:
                End(storage, job, DurableVideoJobState.Failed, WaitMessages.ProviderFailed(id, status.Error));
                return null;
            case WaitVerdict.NoUrl:
                End(storage, job, DurableVideoJobState.NeedsAttention,
                    $"{job.Wait.NoUrlError(id).Message.TrimEnd('.')}. When Opper has the URL, IVideoJobScheduler.ResumeAsync(\"{job.Key}\") fetches the clip.");
                return null;
        }

        if (job.Wait.Remaining(since) <= TimeSpan.Zero)
        {
            End(storage, job, DurableVideoJobState.Failed,
                $"Opper job {id} was still '{status.Status}' after {since:hh\\:mm\\:ss} (OpperVideoClientOptions.Polling.Timeout is {settings.Polling.Timeout}). It may still finish: IVideoJobScheduler.ResumeAsync(\"{job.Key}\") checks it again.");
            return null;
        }

        // Claimed until the planned check; only a Retry-After moves it.
        if (status.PollAfter is null)
        {
            return null;
        }

        job.NextCheckAt = Now + job.Wait.NextDelay(since);
        return job.NextCheckAt;
    }

    private DateTimeOffset? CheckFailed(JobStorage storage, WaitingJob job, Exception exception)
    {
        job.Failures++;
        var what = $"{exception.GetType().Name}: {exception.Message.TrimEnd('.')}";
        if (job.Failures >= _options.MaxStepFailures)
        {
            End(storage, job, DurableVideoJobState.NeedsAttention,
                $"Checking Opper job {job.Data.OpperJobId} failed {job.Failures} times in a row; last: {what}. Opper keeps its clip while it does: fix the cause, then IVideoJobScheduler.ResumeAsync(\"{job.Key}\").");
            return null;
        }

        var delay = Backoff.Doubling(_options.StepRetryDelay, job.Failures - 1, MaxRetryDelay);
        CheckerLog.CheckFailed(logger, job.Key, job.Data.OpperJobId, job.Failures, delay, what);
        job.NextCheckAt = Now + delay;
        return job.NextCheckAt;
    }

    /// <summary>Shares what the job taught, then queues its download; the state filter marks the record Downloading in that change.</summary>
    private void Completed(JobStorage storage, WaitingJob job)
    {
        if (job.Operation.Learned is { } learned && job.Data.Shape is { } shape)
        {
            using var connection = storage.GetConnection();
            jobs.Completions.Record(connection, shape, learned.RunningAt, learned.DoneAt);
        }

        var lastRunning = job.Operation.LastSeenRunning is { } running ? job.Data.SubmittedAt + running : (DateTimeOffset?)null;
        Move(storage, job, new CheckedEnqueuedState(_options.Queue, job.Wait.Polls, lastRunning)
        {
            Reason = $"Opper job {job.Data.OpperJobId} completed (check {job.Wait.Polls}): queued for its download.",
        });
    }

    /// <summary>
    /// Ends the job: offered as a step's result would be (a failed state offered directly would be re-elected as a retry
    /// by Hangfire's <c>AutomaticRetry</c>), which the state filter turns into the failed end, writing the record and
    /// having the completion handlers run.
    /// </summary>
    private void End(JobStorage storage, WaitingJob job, DurableVideoJobState state, string why) =>
        Move(storage, job, new SucceededState(VideoJobStepResult.Ended(state, why, _options.CompletedJobRetention, job.Wait.Polls), latency: 0, performanceDuration: 0));

    /// <summary>Moves the job on only from <see cref="OpperWaitingState"/>: one that was deleted or requeued meanwhile keeps that.</summary>
    private void Move(JobStorage storage, WaitingJob job, IState next)
    {
        jobs.Forget(job.Key);
        new BackgroundJobClient(storage).ChangeState(job.Key, next, OpperWaitingState.StateName);
    }

    /// <summary>Until the earliest check this server planned, or <see cref="IdleInterval"/>, whichever is sooner.</summary>
    private async Task SleepAsync(CancellationToken stopping)
    {
        var adopted = jobs.Adopted;
        var now = Now;
        var until = now + IdleInterval;
        foreach (var job in jobs.All)
        {
            if (job.NextCheckAt > now && job.NextCheckAt < until)
            {
                until = job.NextCheckAt;
            }
            else if (job.NextCheckAt < now - StaleAfter)
            {
                // Long past its check and not claimed here since: another server moved it on.
                jobs.Forget(job.Key);
            }
        }

        var delay = until - now;
        if (delay > TimeSpan.Zero)
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var sleep = Task.Delay(delay, settings.Time, wake.Token);
            await Task.WhenAny(sleep, adopted).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
        }
    }
}
