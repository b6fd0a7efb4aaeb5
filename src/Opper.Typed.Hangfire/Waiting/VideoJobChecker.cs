using System.Collections.Concurrent;
using System.Net;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Checks the waiting durable jobs: one per Hangfire server (<c>AddOpperVideoJobs</c> registers it as a background
/// process, and <c>AddHangfireServer</c> runs every registered one). Each round claims the jobs that are due, up to
/// <see cref="BatchSize"/>, by scoring them forward in one write; polls them concurrently without a worker thread; and
/// moves the finished ones on by Hangfire state changes (compare-and-set from <see cref="OpperWaitingState"/>): a
/// completed job is queued for its download, a failed one ends. A running job needs no second write: it was claimed
/// until its next check. A killed server holds nothing: its claims fall due within <see cref="LeaseSeconds"/>.
/// </summary>
internal sealed partial class VideoJobChecker(
    OpperVideoClient client,
    ClientSettings settings,
    IOptions<OpperVideoJobOptions> options,
    WaitingJobs jobs,
    VideoJobRunner runner,
    ILogger<VideoJobChecker> logger) : IBackgroundProcessAsync, IBackgroundProcess, IDisposable
{
    /// <summary>The longest a claim holds a job: a checker killed mid-poll delays the job's next check by at most this.</summary>
    internal const double LeaseSeconds = 30;

    /// <summary><see cref="LeaseSeconds"/> as a time span.</summary>
    internal static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>Jobs claimed in one round.</summary>
    internal const int BatchSize = 500;

    /// <summary>Clips downloaded at once; the rest of the found ones wait their turn, claimed.</summary>
    internal const int MaxConcurrentDeliveries = 8;

    /// <summary>How often a delivery in progress renews its claim, well inside the lease.</summary>
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    /// <summary>Polls in flight at once.</summary>
    internal const int MaxConcurrentChecks = 64;

    /// <summary>
    /// A round also takes the checks due this soon: each round costs a range read and a write whatever its size, and
    /// checks planned milliseconds apart would otherwise each get a round of their own (a check this early is not late).
    /// </summary>
    internal static readonly TimeSpan GatherAhead = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The least time between the starts of two rounds: each round costs a range read and a write however few jobs it
    /// takes, and checks planned a few milliseconds apart would otherwise each get one (a check is late by this at most).
    /// </summary>
    internal static readonly TimeSpan RoundGap = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an idle checker waits before it looks again for jobs it did not claim itself (another server's, new ones).</summary>
    internal static readonly TimeSpan IdleInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How far from this server's planned check a due job may be and still be the one this server claimed.</summary>
    private static readonly TimeSpan StaleClaim = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a job this server does not hold stays due before it claims it: its own server claims it a moment before
    /// it falls due, and a round that took it at the same moment would poll it twice; a job whose server died (or is
    /// late) is taken after this.
    /// </summary>
    internal static readonly TimeSpan ForeignSlack = TimeSpan.FromSeconds(1);

    /// <summary>A held job this server has not claimed for this long past its planned check is let go.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);


    private readonly OpperVideoJobOptions _options = options.Value;

    /// <summary>This checker, as a delivery it starts names it in the record.</summary>
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<string, Task> _deliveries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _deliverySlots = new(MaxConcurrentDeliveries);

    /// <summary>Due jobs this server does not hold, by when its rounds first saw them due (only the last round's are kept).</summary>
    private Dictionary<string, DateTimeOffset> _foreignDueSince = new(StringComparer.Ordinal);

    private DateTimeOffset _lastRoundAt;
    private DateTimeOffset _nextSweepAt;
    private JobStorage? _warnedFor;

    private DateTimeOffset Now => settings.Time.GetUtcNow();

    public void Dispose() => _deliverySlots.Dispose();

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
            if (Now >= _nextSweepAt)
            {
                _nextSweepAt = Now + WaitingSweep.Interval;
                Sweep(storage, stopping);
            }

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

    /// <summary>Makes due the jobs that wait without a due entry (<see cref="WaitingSweep"/>), saying which; a failed sweep costs no round.</summary>
    private void Sweep(JobStorage storage, CancellationToken stopping)
    {
        try
        {
            using var connection = storage.GetConnection();
            foreach (var key in WaitingSweep.Run(connection, Now))
            {
                CheckerLog.LostCheck(logger, key);
            }
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // Nothing lost: the next sweep, in WaitingSweep.Interval, looks again.
            CheckerLog.SweepFailed(logger, exception, exception.Message);
        }
    }

    /// <returns>How many due jobs it claimed (a full batch: more may be due, and the next round starts at once).</returns>
    internal async Task<int> RoundAsync(JobStorage storage, CancellationToken stopping)
    {
        List<WaitingJob> claimed;
        // Later plans of a job replace earlier ones (a Retry-After heard by its check replaces the plan its claim made).
        var rescheduled = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using (var connection = storage.GetConnection())
        {
            var now = Now;
            _lastRoundAt = now;
            var (keys, leased) = DueSet.Due(connection, now + GatherAhead, BatchSize);
            claimed = Claim(connection, keys, leased, now, rescheduled);
        }

        var finished = new ConcurrentBag<(string Shape, TimeSpan RunningAt, TimeSpan DoneAt)>();
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentChecks, CancellationToken = stopping },
            async (job, token) =>
            {
                try
                {
                    if (await CheckAsync(storage, job, finished, rescheduled, token, stopping).ConfigureAwait(false) is { } at)
                    {
                        rescheduled[job.Key] = at;
                    }
                }
                catch (Exception exception) when (!stopping.IsCancellationRequested && exception is not OutOfMemoryException)
                {
                    // A move the storage refused: the job stays claimed until its planned check and is looked at again then;
                    // the round's other jobs go on.
                    CheckerLog.RoundFailed(logger, exception, $"job {job.Key}: {exception.Message}");
                }
            }).ConfigureAwait(false);
        if (!rescheduled.IsEmpty || !finished.IsEmpty)
        {
            // What the round learned, in one write: checks that moved, and what the finished jobs took (shared with every server).
            using var connection = storage.GetConnection();
            using var transaction = connection.CreateWriteTransaction();
            // Not for jobs the round moved on or started delivering: that would undo their end's removal, or their delivery's lease.
            DueSet.Schedule(transaction, rescheduled.Where(planned => jobs.Find(planned.Key) is not null && !_deliveries.ContainsKey(planned.Key)).Select(planned => (planned.Key, planned.Value)));
            jobs.Completions.Record(transaction, finished);
            transaction.Commit();
        }

        return claimed.Count;
    }

    /// <summary>Polls one job and acts on the answer.</summary>
    /// <returns>When to check it next, where that differs from its claim; null when its claim stands or it moved on.</returns>
    /// <param name="storage">The storage.</param>
    /// <param name="job">The claimed job.</param>
    /// <param name="finished">What the round's finished jobs took, written at its end.</param>
    /// <param name="rescheduled">The round's planned checks, written at its end.</param>
    /// <param name="round">The round's token: cancels the poll.</param>
    /// <param name="stopping">The server's: a delivery outlives the round, not the server.</param>
    private async Task<DateTimeOffset?> CheckAsync(JobStorage storage, WaitingJob job, ConcurrentBag<(string Shape, TimeSpan RunningAt, TimeSpan DoneAt)> finished, ConcurrentDictionary<string, DateTimeOffset> rescheduled, CancellationToken round, CancellationToken stopping)
    {
        var id = job.Data.OpperJobId;
        // Each check is a trace of its own, tagged as a step's is; the delivery it starts is its child.
        using var activity = OpperTelemetry.Source.StartActivity("opper.video.job.check");
        activity?.SetTag("opper.job_key", job.Key);
        activity?.SetTag("opper.job_id", id);
        VideoStatus status;
        try
        {
            status = await job.Operation.UpdateStatusAsync(round).ConfigureAwait(false);
        }
        catch (OpperApiException missing) when (missing.Status == HttpStatusCode.NotFound)
        {
            End(storage, job, DurableVideoJobState.NeedsAttention, WaitMessages.NotFound(id, job.Key));
            return null;
        }
        catch (Exception exception) when (!round.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            return CheckFailed(storage, job, exception);
        }

        var since = job.SinceSubmission(Now);
        switch (job.Wait.Judge(status))
        {
            case WaitVerdict.Completed:
                if (job.Operation.Learned is { } learned && job.Data.Shape is { } shape)
                {
                    finished.Add((shape, learned.RunningAt, learned.DoneAt));
                }

                // Its delivery leases it at once, and a failed one schedules the retry: a plan its claim made (a job taken
                // over) must not come after either at the round's end.
                rescheduled.TryRemove(job.Key, out _);
                Completed(storage, job, status, stopping);
                return null;
            case WaitVerdict.Failed:
                End(storage, job, DurableVideoJobState.Failed, WaitMessages.ProviderFailed(id, status.Error));
                return null;
            case WaitVerdict.NoUrl:
                End(storage, job, DurableVideoJobState.NeedsAttention,
                    $"{job.Wait.NoUrlError(id).Message.TrimEnd('.')}. When Opper has the URL, IVideoJobScheduler.ResumeAsync(\"{job.Key}\") fetches the clip.");
                return null;
        }

        // A check that went through while the job runs ends a run of failures; one that finds it done and leads to a
        // delivery that fails again does not.
        job.Failures = 0;
        if (job.Wait.Remaining(since) <= TimeSpan.Zero)
        {
            End(storage, job, DurableVideoJobState.Failed,
                $"Opper job {id} was still '{status.Status}' after {since:hh\\:mm\\:ss} (OpperVideoClientOptions.Polling.Timeout is {settings.Polling.Timeout}). It may still finish: IVideoJobScheduler.ResumeAsync(\"{job.Key}\") checks it again.");
            return null;
        }

        // Claimed until the planned check (at most a lease away); a Retry-After, or a plan past the lease, moves it.
        if (status.PollAfter is null)
        {
            return job.NextCheckAt - Now > LeaseTime ? job.NextCheckAt : null;
        }

        job.NextCheckAt = Now + job.Wait.NextDelay(since);
        return job.NextCheckAt;
    }

    private DateTimeOffset? CheckFailed(JobStorage storage, WaitingJob job, Exception exception, bool delivering = false)
    {
        job.Failures++;
        var what = WaitMessages.What(exception);
        if (job.Failures >= _options.MaxStepFailures)
        {
            var doing = delivering ? DurableVideoJobState.Downloading : DurableVideoJobState.Waiting;
            End(storage, job, DurableVideoJobState.NeedsAttention, WaitMessages.KeepsFailing(job.Key, job.Failures, doing, what, job.Data.OpperJobId));
            return null;
        }

        var delay = _options.RetryDelayAfter(job.Failures);
        CheckerLog.CheckFailed(logger, job.Key, job.Data.OpperJobId, job.Failures, delay, what);
        job.NextCheckAt = Now + delay;
        return job.NextCheckAt;
    }

    /// <summary>
    /// Ends the job: offered as a step's result would be (a failed state offered directly would be re-elected as a retry
    /// by Hangfire's <c>AutomaticRetry</c>), which the state filter turns into the failed end, writing the record and
    /// having the completion handlers run.
    /// </summary>
    private void End(JobStorage storage, WaitingJob job, DurableVideoJobState state, string why) =>
        Move(storage, job, new SucceededState(VideoJobStepResult.Ended(state, why, _options.CompletedJobRetention, job.Wait.Polls), latency: 0, performanceDuration: 0));

    /// <summary>Moves the job on only from <see cref="OpperWaitingState"/>: one that was deleted or requeued meanwhile keeps that.</summary>
    /// <returns>Whether it moved.</returns>
    private bool Move(JobStorage storage, WaitingJob job, IState next)
    {
        jobs.Forget(job.Key);
        return new BackgroundJobClient(storage).ChangeState(job.Key, next, OpperWaitingState.StateName);
    }

    /// <summary>
    /// Until the earliest check this server planned, or <see cref="IdleInterval"/>, whichever is sooner, but at least
    /// <see cref="RoundGap"/> after the last round began; a job adopted meanwhile (its first check may be sooner) makes
    /// it work out the time again, not start a round.
    /// </summary>
    private async Task SleepAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var adopted = jobs.Adopted;
            var now = Now;
            var until = now + IdleInterval;
            foreach (var job in jobs.All)
            {
                var gather = job.NextCheckAt - GatherAhead;
                if (gather > now && gather < until)
                {
                    until = gather;
                }
                else if (job.NextCheckAt < now - StaleAfter)
                {
                    // Long past its check and not claimed here since: another server moved it on.
                    jobs.Forget(job.Key);
                }
            }

            var gap = _lastRoundAt + RoundGap;
            var delay = (until > gap ? until : gap) - now;
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var sleep = Task.Delay(delay, settings.Time, wake.Token);
            var woke = await Task.WhenAny(sleep, adopted).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            if (woke == sleep)
            {
                return;
            }
        }
    }
}
