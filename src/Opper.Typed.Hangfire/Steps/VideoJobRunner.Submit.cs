using System.Net;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>The submit step: the paid POST, at most once.</summary>
internal sealed partial class VideoJobRunner
{
    private const int IdWriteAttempts = 3;

    /// <summary>By when a POST sent by a live worker has an answer or has failed: its request timeout (at most ten minutes), and a margin.</summary>
    private TimeSpan SubmissionSettles =>
        (settings.RequestTimeout == Timeout.InfiniteTimeSpan || settings.RequestTimeout > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(10) : settings.RequestTimeout)
        + TimeSpan.FromSeconds(10);

    /// <param name="key">The job's key.</param>
    /// <param name="record">Its record, as this run found it.</param>
    /// <param name="store">The store it was read through.</param>
    /// <param name="marked">The Processing change set the mark for this run (the usual way): the POST may leave.</param>
    /// <param name="shutdown">The server stops.</param>
    private async Task<VideoJobStepResult> SubmitAsync(string key, VideoJobRecord record, VideoJobStore store, bool marked, CancellationToken shutdown)
    {
        if (!marked && record.SubmittingSince is { } sent && !record.ResubmitApproved)
        {
            // A mark this run did not set: a worker still inside its POST (a storage that handed the job out twice) stores
            // the answer within its request timeout; until then, look again rather than call a live submission lost.
            var settled = sent + SubmissionSettles;
            if (Now < settled)
            {
                return VideoJobStepResult.Again(record.State, settled - Now, $"Another worker sent the POST at {sent:u}; looking for its answer at {settled:u}.");
            }

            return await UncertainAsync(key, record, store,
                $"A worker sent POST /v3/videos for it at {sent:u} and stopped before it stored Opper's answer (killed, or its storage failed)", shutdown).ConfigureAwait(false);
        }

        VideoWireRequest wire;
        try
        {
            wire = store.ReadRequest(key);
        }
        catch (Exception) when (marked)
        {
            // Nothing was sent: the mark goes with the failure, or the next run would take it for a POST that may have left.
            Unmark(record);
            throw;
        }

        if (!marked)
        {
            // A step run outside Hangfire's worker (no Processing change marked it): the mark is set here, by
            // compare-and-set from the state read, so of two such runs, or a cancel racing it, only one moves on.
            record.State = DurableVideoJobState.Submitting;
            record.SubmittingSince = Now;
            record.SubmittingBy = null;
            record.ResubmitApproved = false;
            record.SubmitAttempts++;
            store.Write(key, record);
        }

        VideoGenerationOperation operation;
        try
        {
            // Not the shutdown token: a POST cut off by a deploy may have created the job, and it answers in a second or two.
            var estimated = record.EstimatedCost is { } cost ? new VideoCostEstimate(cost, VideoCostEstimate.Usd, record.CostBasis ?? "") : null;
            operation = await client.StartPreparedGenerationAsync(wire, CancellationToken.None, estimated: estimated).ConfigureAwait(false);
        }
        catch (OpperBudgetExceededException over)
        {
            return await OverBudgetAsync(key, record, store, over, shutdown).ConfigureAwait(false);
        }
        catch (OpperApiException refused) when (SubmissionOutcome.MayHaveCreatedJob(refused.Status))
        {
            // A 500, 502 or 504 can come from a gateway after Opper created the job: as uncertain as a lost answer.
            return await LostAsync(key, record, store, $"POST /v3/videos answered {(int)refused.Status} ({refused.Message.TrimEnd('.')})", shutdown).ConfigureAwait(false);
        }
        catch (OpperApiException refused)
        {
            // Any other refusal proves there is no job: the mark goes, and a passing one (429, 503, 408) is sent again later.
            return IsPassing(refused.Status)
                ? await SendAgainLaterAsync(key, record, store, $"Opper refused the POST for now ({(int)refused.Status} {refused.ErrorCode}): {refused.ServerMessage}", refused.RetryAfter ?? RetryDelay(record.SubmitAttempts), shutdown).ConfigureAwait(false)
                : await StopAsync(key, record, store, DurableVideoJobState.Failed, $"Opper refused the request, so no job was created: {refused.Message}", shutdown).ConfigureAwait(false);
        }
        catch (HttpRequestException unreachable)
        {
            // The client lets through unchanged only failures that happen before a byte is sent (no such host, refused connection).
            return await SendAgainLaterAsync(key, record, store, $"Opper could not be reached, so nothing was sent: {unreachable.Message.TrimEnd('.')}", RetryDelay(record.SubmitAttempts), shutdown).ConfigureAwait(false);
        }
        catch (VideoSubmissionUncertainException named) when (named.JobId is not null)
        {
            // The answer was cut, but the id in it arrived whole: the job exists, so it is polled like any other.
            return Submitted(key, record, store, named.JobId, operation: null);
        }
        catch (VideoSubmissionUncertainException lost)
        {
            return await LostAsync(key, record, store, lost.Message, shutdown).ConfigureAwait(false);
        }

        return Submitted(key, record, store, operation.Id, operation);
    }

    /// <summary>Stores Opper's id, then hands the job to this server's checker: it waits in <see cref="OpperWaitingState"/>, no step runs for it.</summary>
    private VideoJobStepResult Submitted(string key, VideoJobRecord record, VideoJobStore store, string opperJobId, VideoGenerationOperation? operation)
    {
        record.OpperJobId = opperJobId;
        record.SubmittedAt = Now;
        record.StatusUrl = operation?.StatusUri?.AbsoluteUri;
        record.State = DurableVideoJobState.Waiting;
        record.Checks = 0;
        record.Failures = 0;
        record.Error = null;
        record.WaitingForBudgetUntil = null;
        RememberOpperJobId(key, record, store);
        JobLog.Submitted(logger, key, opperJobId);
        var job = WaitingJobData.Of(opperJobId, record.SubmittedAt.Value, record.StatusUrl, record.Shape);
        var first = waiting.Adopt(key, job, operation, store.Connection);
        return VideoJobStepResult.WaitFor(new OpperWaitingState(job, first) { Reason = $"Submitted as Opper job {opperJobId}; first check in {Seconds(first - Now)}." })
            .Writing(store.Pending(key, record));
    }

    /// <summary>Takes back the mark of a run that failed before its POST left.</summary>
    private static void Unmark(VideoJobRecord record)
    {
        record.State = DurableVideoJobState.Queued;
        record.SubmittingSince = null;
        record.SubmittingBy = null;
        record.SubmitAttempts--;
    }

    /// <summary>
    /// Stores Opper's id before anything else (the waiting state change then writes it into the record); the job is paid
    /// for, so a passing storage error gets more than one try.
    /// </summary>
    private void RememberOpperJobId(string key, VideoJobRecord record, VideoJobStore store)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                store.RememberOpperJobId(key, record.OpperJobId!, record.SubmittedAt!.Value);
                return;
            }
            catch (Exception exception) when (attempt < IdWriteAttempts)
            {
                JobLog.StepProblem(logger, key, $"storing Opper job id {record.OpperJobId} failed (attempt {attempt} of {IdWriteAttempts}): {exception.Message}");
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception exception)
            {
                // Still in the record this step leaves, should the storage take the state change that follows.
                JobLog.IdNotStored(logger, exception, key, record.OpperJobId!);
                throw;
            }
        }
    }

    private async Task<VideoJobStepResult> SendAgainLaterAsync(string key, VideoJobRecord record, VideoJobStore store, string why, TimeSpan delay, CancellationToken shutdown)
    {
        if (record.SubmitAttempts >= options.MaxSubmitAttempts)
        {
            record.SubmittingSince = null;
            return await StopAsync(key, record, store, DurableVideoJobState.Failed, $"{why}. Gave up after {record.SubmitAttempts} attempts (OpperVideoJobOptions.MaxSubmitAttempts); no job was created.", shutdown).ConfigureAwait(false);
        }

        record.SubmittingSince = null;
        record.State = DurableVideoJobState.Queued;
        record.Error = $"{why}. Sending again in {Seconds(delay)} (attempt {record.SubmitAttempts} of {options.MaxSubmitAttempts}).";
        JobLog.StepProblem(logger, key, record.Error);
        return VideoJobStepResult.Again(DurableVideoJobState.Queued, delay, record.Error).Writing(store.Pending(key, record));
    }

    /// <summary>
    /// The budget refused the POST before it was sent: the mark goes (nothing left), and the job waits, queued, until the
    /// window has room for it; a job that can never fit (dearer than the whole limit, or no price) fails.
    /// </summary>
    private async Task<VideoJobStepResult> OverBudgetAsync(string key, VideoJobRecord record, VideoJobStore store, OpperBudgetExceededException over, CancellationToken shutdown)
    {
        record.SubmittingSince = null;
        record.SubmitAttempts--;
        if (over.RoomAt is not { } room)
        {
            return await StopAsync(key, record, store, DurableVideoJobState.Failed, over.Message, shutdown).ConfigureAwait(false);
        }

        record.State = DurableVideoJobState.Queued;
        record.WaitingForBudgetUntil = room;
        record.Error = $"Waiting for the budget until {room.UtcDateTime:u}: {over.Message}";
        return VideoJobStepResult.Again(DurableVideoJobState.Queued, room - Now, record.Error).Writing(store.Pending(key, record));
    }

    /// <summary>The POST left and its answer is unknown: stop for a person, or, where the options allow, send it again.</summary>
    private async Task<VideoJobStepResult> LostAsync(string key, VideoJobRecord record, VideoJobStore store, string what, CancellationToken shutdown)
    {
        if (!options.ResubmitUncertainSubmissions)
        {
            return await UncertainAsync(key, record, store, what, shutdown).ConfigureAwait(false);
        }

        JobLog.Resubmitting(logger, key);
        return await SendAgainLaterAsync(key, record, store, what.TrimEnd('.'), RetryDelay(record.SubmitAttempts), shutdown).ConfigureAwait(false);
    }

    private Task<VideoJobStepResult> UncertainAsync(string key, VideoJobRecord record, VideoJobStore store, string what, CancellationToken shutdown) =>
        StopAsync(key, record, store, DurableVideoJobState.NeedsAttention,
            $"{what.TrimEnd('.')}. A job may exist at Opper ({record.Model}, prompt digest {record.PromptDigest}, sent {record.SubmittingSince:u}), so it was not sent again: a second POST is a second paid job. " +
            $"Find it on the Opper dashboard and call IVideoJobScheduler.ResumeAsync(\"{key}\", \"gen_…\"), or, if Opper has none, ResubmitAsync(\"{key}\").",
            shutdown);

    /// <summary>Refusals that prove no job and are worth sending again: rate limits, an unavailable service, a request not read in time.</summary>
    private static bool IsPassing(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout;

}
