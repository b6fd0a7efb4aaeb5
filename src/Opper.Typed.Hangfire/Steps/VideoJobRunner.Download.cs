using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>The delivery (by the checker, or by a step for a job requeued while it downloaded), and the way back to waiting.</summary>
internal sealed partial class VideoJobRunner
{
    /// <summary>
    /// The download step, queued by the checker for a job it found completed: one poll for a fresh URL, then the clip
    /// delivered. A job that turns out not done (a resumed one, a status that changed its mind) waits again.
    /// </summary>
    private async Task<VideoJobStepResult> DownloadAsync(string key, VideoJobRecord record, VideoJobStore store, CancellationToken shutdown)
    {
        var id = record.OpperJobId!;
        var operation = client.GetGenerationOperation(id);
        VideoStatus status;
        try
        {
            status = await operation.UpdateStatusAsync(shutdown).ConfigureAwait(false);
        }
        catch (OpperApiException missing) when (missing.Status == HttpStatusCode.NotFound)
        {
            return await StopAsync(key, record, store, DurableVideoJobState.NeedsAttention, WaitMessages.NotFound(id, key), shutdown).ConfigureAwait(false);
        }

        return status switch
        {
            { State: VideoJobState.Completed, Url.Length: > 0 } => await DeliverAsync(key, record, store, operation, status, shutdown).ConfigureAwait(false),
            { State: VideoJobState.Failed } => await StopAsync(key, record, store, DurableVideoJobState.Failed, WaitMessages.ProviderFailed(id, status.Error), shutdown).ConfigureAwait(false),
            _ => WaitAgain(key, record, store, options.StepRetryDelay),
        };
    }

    /// <summary>
    /// Delivers the clip of a waiting job the checker found completed, in the checker (so the clip is not a queue poll
    /// away): the record says Downloading with what the wait saw (a compare-and-set while Hangfire has it waiting, so of
    /// two checkers that found it, one delivers), then the completion handlers run.
    /// </summary>
    /// <returns>The end, with the Completed record, which the checker hands Hangfire.</returns>
    public async Task<VideoJobStepResult> DeliverFoundAsync(string key, VideoJobStore store, VideoGenerationOperation operation, VideoStatus completed, int checks, string checker, CancellationToken shutdown)
    {
        var deliveredBefore = false;
        VideoJobRecord record;
        try
        {
            // Only while Hangfire still has it waiting: a job deleted or requeued a moment ago is not delivered here.
            record = store.Update(key, whileHangfireIs: OpperWaitingState.StateName, change: found =>
            {
                if (found.State == DurableVideoJobState.Completed)
                {
                    // Delivered, and Hangfire still has it waiting: its completion handlers failed or were cut off (a killed
                    // worker), or the change to Succeeded wrote the record and did not commit. Only the end is finished,
                    // the handlers running if they had not (else the job would be found completed every lease for good).
                    deliveredBefore = true;
                    return false;
                }

                if (found.HasEnded || found.IsBeingDelivered(Now, checker))
                {
                    // Ended meanwhile (a Delete: its own ending tells the handlers), or another checker took it a moment ago.
                    return false;
                }

                found.DeliveringSince = Now;
                found.DeliveringBy = checker;
                found.State = DurableVideoJobState.Downloading;
                found.Checks = checks;
                found.LastSeenRunningAt = operation.LastSeenRunning is { } running && found.SubmittedAt is { } submitted ? submitted + running : null;
                found.Failures = 0;
                found.Error = null;
                return true;
            });
        }
        catch (VideoJobMovedException moved) when (deliveredBefore)
        {
            return await EndAsync(key, moved.Current, store, shutdown).ConfigureAwait(false);
        }

        return await DeliverAsync(key, record, store, operation, completed, shutdown).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts a job that has an Opper id (resumed, requeued, or not done after all) back in <see cref="OpperWaitingState"/>,
    /// checked by the checker after <paramref name="firstCheckIn"/>.
    /// </summary>
    private VideoJobStepResult WaitAgain(string key, VideoJobRecord record, VideoJobStore store, TimeSpan firstCheckIn)
    {
        record.State = DurableVideoJobState.Waiting;
        var job = WaitingJobData.Of(record.OpperJobId!, record.SubmittedAt ?? Now, record.StatusUrl, record.Shape);
        return VideoJobStepResult.WaitFor(new OpperWaitingState(job, Now + firstCheckIn) { Reason = $"Waiting for Opper job {job.OpperJobId}; checked by the Opper video checker." })
            .Writing(store.Pending(key, record));
    }

    /// <summary>
    /// Fetches the clip into its destination as the client does (atomic, verified, an expired URL refreshed). A file's
    /// partial copy is named after the job, so the rerun of a killed download replaces it rather than leaving it behind.
    /// </summary>
    private async Task<VideoJobStepResult> DeliverAsync(string key, VideoJobRecord record, VideoJobStore store, VideoGenerationOperation operation, VideoStatus completed, CancellationToken shutdown)
    {
        if (record.Sink is null)
        {
            await operation.DownloadCompletedAsync(completed, record.Destination, progress: null, shutdown, partialOwner: "opper-job-" + key).ConfigureAwait(false);
            record.Bytes = new FileInfo(record.Destination).Length;
        }
        else
        {
            var sink = services.GetKeyedService<IVideoJobSink>(record.Sink)
                ?? throw new InvalidOperationException($"No IVideoJobSink is registered as '{record.Sink}' on this worker: add services.AddKeyedSingleton<IVideoJobSink, YourSink>(\"{record.Sink}\").");
            var clip = await operation.OpenCompletedAsync(completed, shutdown).ConfigureAwait(false);
            await using (clip.ConfigureAwait(false))
            {
                await sink.WriteAsync(new VideoJobClip(key, record.OpperJobId!, record.Model, record.Destination, completed.MimeType ?? "video/mp4"), clip, shutdown).ConfigureAwait(false);
                record.Bytes = clip.Position;
            }
        }

        record.State = DurableVideoJobState.Completed;
        record.EndedAt = Now;
        record.Failures = 0;
        record.Error = null;
        if (HasCompletionHandlers)
        {
            // Stored before the handlers run: one that fails, or a worker killed while they run, must not lead to a second
            // delivery, and a Delete meanwhile finds the job delivered. With no handler, the state change that ends the
            // job writes it (the checker's, or the worker's after a step).
            store.Write(key, record);
        }

        return await EndAsync(key, record, store, shutdown).ConfigureAwait(false);
    }
}
