using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>The check step (one poll, then the next check scheduled) and the delivery it leads to.</summary>
internal sealed partial class VideoJobRunner
{
    private async Task<VideoJobStepResult> CheckAsync(string key, VideoJobRecord record, VideoJobStore store, CancellationToken shutdown)
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
            return await StopAsync(key, record, store, DurableVideoJobState.NeedsAttention,
                $"Opper does not know job {id} (404): this worker's OPPER_BASE_URL or key is not the one it was submitted with. Fix that, then IVideoJobScheduler.ResumeAsync(\"{key}\").", shutdown).ConfigureAwait(false);
        }

        var previous = record.State;
        record.Checks++;
        var waited = Now - (record.SubmittedAt ?? record.EnqueuedAt);
        switch (status)
        {
            case { State: VideoJobState.Completed, Url.Length: > 0 }:
                // Learned once, from the check that first sees it done (a rerun after a failed delivery is in Downloading).
                if (previous == DurableVideoJobState.Waiting && record.Shape is { } shape && record.SubmittedAt is { } submitted
                    && (record.LastSeenRunningAt ?? submitted) >= submitted)
                {
                    client.Completions.Record(shape, (record.LastSeenRunningAt ?? submitted) - submitted, waited);
                }

                record.State = DurableVideoJobState.Downloading;
                store.Write(key, record);
                return await DeliverAsync(key, record, store, operation, status, shutdown).ConfigureAwait(false);
            case { State: VideoJobState.Failed }:
                return await StopAsync(key, record, store, DurableVideoJobState.Failed, $"The provider failed Opper job {id}: {status.Error ?? "no reason given"}.", shutdown).ConfigureAwait(false);
        }

        var remaining = settings.Polling.Timeout - waited;
        if (remaining <= TimeSpan.Zero)
        {
            return await StopAsync(key, record, store, DurableVideoJobState.Failed,
                $"Opper job {id} was still '{status.Status}' after {waited:hh\\:mm\\:ss} (OpperVideoClientOptions.Polling.Timeout is {settings.Polling.Timeout}). It may still finish: IVideoJobScheduler.ResumeAsync(\"{key}\") checks it again.", shutdown).ConfigureAwait(false);
        }

        // A check that went through ends a run of failures; one that leads to a download that fails does not.
        record.State = DurableVideoJobState.Waiting;
        record.Failures = 0;
        record.Error = null;
        if (status.State != VideoJobState.Completed)
        {
            record.LastSeenRunningAt = Now;
        }

        store.Write(key, record);
        var delay = status.PollAfter is { } asked ? PollSchedule.AsAsked(settings.Polling, asked) : NextCheckIn(record, waited);
        delay = delay < remaining ? delay : remaining;
        return VideoJobStepResult.Again(DurableVideoJobState.Waiting, delay, $"Opper job {id} is '{status.Status}' (check {record.Checks}); next check in {Seconds(delay)}.");
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
        store.Write(key, record);
        return await EndAsync(key, record, store, shutdown).ConfigureAwait(false);
    }
}
