using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Chooses and runs a durable job's next step from its record, and owns how a job ends. Every step is safe to run again:
/// a record with an Opper job id resumes by id, a mark without one never leads to a second POST, and an ended job only
/// repeats its completion handlers if they had not run.
/// </summary>
internal sealed partial class VideoJobRunner(
    OpperVideoClient client,
    ClientSettings settings,
    OpperVideoJobOptions options,
    WaitingJobs waiting,
    IServiceProvider services,
    ILogger<VideoJobSteps> logger)
{
    private DateTimeOffset Now => settings.Time.GetUtcNow();

    private bool HasCompletionHandlers => services.GetService<IEnumerable<IVideoJobCompletionHandler>>()?.Any() == true;

    /// <param name="key">The job's key.</param>
    /// <param name="store">The store of the performing worker's connection.</param>
    /// <param name="handoff">What the Processing change read and marked for this run; null when the step runs another way.</param>
    /// <param name="shutdown">The server stops.</param>
    public async Task<VideoJobStepResult> RunAsync(string key, VideoJobStore store, ProcessingHandoff.Handoff? handoff, CancellationToken shutdown)
    {
        using var activity = OpperTelemetry.Source.StartActivity("opper.video.job.step");
        activity?.SetTag("opper.job_key", key);
        VideoJobRecord? record;
        if (handoff is not null)
        {
            record = handoff.Record;
            store.Adopt(key, record);
        }
        else
        {
            record = store.Read(key);
        }

        if (record is null)
        {
            throw new InvalidOperationException($"Hangfire job {key} has no durable video job record ({VideoJobStore.RecordParameter}); enqueue video jobs with IVideoJobScheduler.EnqueueAsync.");
        }

        activity?.SetTag("opper.model", record.Model);
        activity?.SetTag("opper.job_id", record.OpperJobId);
        try
        {
            try
            {
                return record switch
                {
                    { HasEnded: true } => await EndAsync(key, record, store, shutdown).ConfigureAwait(false),
                    // Requeued while a checker delivers it: that delivery stops within a renewal; look again after it.
                    { OpperJobId: not null } when record.IsBeingDelivered(Now) => VideoJobStepResult.Again(record.State, VideoJobChecker.LeaseTime, "A checker is delivering its clip; looking again after its lease."),
                    { OpperJobId: not null, State: DurableVideoJobState.Downloading } => await DownloadAsync(key, record, store, shutdown).ConfigureAwait(false),
                    // Resumed or requeued by its id: it may have finished long ago, so the checker looks at once.
                    { OpperJobId: not null } => WaitAgain(key, record, store, TimeSpan.Zero),
                    _ => await SubmitAsync(key, record, store, handoff?.Marked == true, shutdown).ConfigureAwait(false),
                };
            }
            catch (Exception exception) when (exception is not VideoJobMovedException && !(exception is OperationCanceledException && shutdown.IsCancellationRequested))
            {
                // A stopping server's cancellation is Hangfire's to handle (it runs the step again elsewhere); anything else is
                // a step that failed here and is retried on the job's own schedule, with what went wrong in its record.
                return await StepFailedAsync(key, record, store, exception, shutdown).ConfigureAwait(false);
            }
        }
        catch (VideoJobMovedException moved)
        {
            // Canceled, resumed or run twice meanwhile: whoever moved it owns it. For a job Hangfire already moved on, what
            // this returns is dropped; for a second run of a live one, it looks again shortly.
            var current = moved.Current;
            return current.HasEnded
                ? VideoJobStepResult.Ended(current.State, moved.Message, options.CompletedJobRetention)
                : VideoJobStepResult.Again(current.State, options.StepRetryDelay, moved.Message);
        }
    }

    /// <summary>Runs the completion handlers of a job that ended outside a step, unless they ran or it moves again.</summary>
    public async Task NotifyAsync(string key, VideoJobStore store, CancellationToken shutdown)
    {
        if (store.Read(key) is not { HasEnded: true, Notified: false } record)
        {
            return;
        }

        try
        {
            // This job's own state changes are not the video job's: the record is written here, by compare-and-set.
            var ended = await EndAsync(key, record, store, shutdown).ConfigureAwait(false);
            store.Write(key, ended.Record!.Record);
        }
        catch (VideoJobMovedException)
        {
            // Resumed meanwhile: its own ending will notify.
        }
    }

    /// <summary>
    /// Ends a job that is over (its clip delivered, or its end recorded) whose completion handlers keep failing, without
    /// them: the record keeps its state and says why the handlers did not hear of it.
    /// </summary>
    public VideoJobStepResult EndWithoutHandlers(string key, VideoJobRecord record, VideoJobStore store, int failures, string what)
    {
        record.Notified = true;
        record.Error = WaitMessages.HandlersGaveUp(record.Error, failures, what);
        return Ended(key, record, store);
    }

    /// <summary>Runs the completion handlers once for the state the job ended in, then hands Hangfire the end, with the record to write.</summary>
    private async Task<VideoJobStepResult> EndAsync(string key, VideoJobRecord record, VideoJobStore store, CancellationToken shutdown)
    {
        if (!record.Notified)
        {
            var job = new DurableVideoJob(key, record);
            foreach (var handler in services.GetServices<IVideoJobCompletionHandler>())
            {
                await handler.OnJobEndedAsync(job, shutdown).ConfigureAwait(false);
            }

            record.Notified = true;
            record.Failures = 0;
        }

        return Ended(key, record, store);
    }

    /// <summary>The end Hangfire is handed, with the record to write.</summary>
    private VideoJobStepResult Ended(string key, VideoJobRecord record, VideoJobStore store)
    {
        JobLog.Ended(logger, key, record.State);

        var message = record.State == DurableVideoJobState.Completed
            ? $"Clip of Opper job {record.OpperJobId} delivered to {Describe(record)} ({record.Bytes} bytes)."
            : record.Error ?? record.State.ToString();
        return VideoJobStepResult.Ended(record.State, message, options.CompletedJobRetention).Writing(store.Pending(key, record));
    }

    /// <summary>Ends the job as <paramref name="state"/> (Failed or NeedsAttention), saying why.</summary>
    private Task<VideoJobStepResult> StopAsync(string key, VideoJobRecord record, VideoJobStore store, DurableVideoJobState state, string why, CancellationToken shutdown)
    {
        record.State = state;
        record.Error = why;
        record.EndedAt = Now;
        if (state == DurableVideoJobState.NeedsAttention)
        {
            JobLog.NeedsAttention(logger, key, why);
        }

        return EndAsync(key, record, store, shutdown);
    }

    /// <summary>A step failed: its record (as the step left it, moved to Downloading, say) counts the failure, and the job runs again later or stops.</summary>
    private async Task<VideoJobStepResult> StepFailedAsync(string key, VideoJobRecord record, VideoJobStore store, Exception exception, CancellationToken shutdown)
    {
        record.Failures++;
        var what = WaitMessages.What(exception);
        JobLog.StepProblem(logger, key, $"step failed ({record.Failures} of {options.MaxStepFailures}) while {record.State}: {what}");
        if (record.Failures >= options.MaxStepFailures)
        {
            if (record.HasEnded)
            {
                return EndWithoutHandlers(key, record, store, record.Failures, what);
            }

            return await StopAsync(key, record, store, DurableVideoJobState.NeedsAttention,
                WaitMessages.KeepsFailing(key, record.Failures, record.State, what, record.OpperJobId), shutdown).ConfigureAwait(false);
        }

        var delay = RetryDelay(record.Failures);
        if (!record.HasEnded)
        {
            record.Error = $"{what} (attempt {record.Failures} of {options.MaxStepFailures}; again in {Seconds(delay)})";
        }

        return VideoJobStepResult.Again(record.State, delay, $"Step failed: {what}. Again in {Seconds(delay)}.").Writing(store.Pending(key, record));
    }

    private TimeSpan RetryDelay(int failures) => options.RetryDelayAfter(failures);

    private static string Describe(VideoJobRecord record) => record.Sink is null ? record.Destination : $"sink '{record.Sink}' as {record.Destination}";

    private static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
