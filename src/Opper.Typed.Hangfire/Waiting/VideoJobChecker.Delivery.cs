using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>The checker's deliveries: a found clip downloaded while the job's claim is renewed, stopped if the job moves.</summary>
internal sealed partial class VideoJobChecker
{
    /// <summary>Delivers the clip of a job found completed beside the next rounds, holding it for a whole lease at once.</summary>
    private void Completed(JobStorage storage, WaitingJob job, VideoStatus status, CancellationToken stopping)
    {
        using (var connection = storage.GetConnection())
        {
            // At once, not when a delivery slot frees (up to MaxConcurrentDeliveries run): its claim ran only to its next
            // check, and due jobs waiting for a slot would fill every round's batch, starving the checks of the rest.
            HoldForLease(connection, job.Key);
        }

        // Registered before it starts, so its own end (which unregisters it) cannot come first and leave it registered.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _deliveries[job.Key] = Task.Run(
            async () =>
            {
                await registered.Task.ConfigureAwait(false);
                await DeliverAsync(storage, job, status, stopping).ConfigureAwait(false);
            },
            CancellationToken.None);
        registered.SetResult();
    }

    /// <summary>
    /// Downloads the clip while renewing the job's claim, so no other server takes it; a server killed meanwhile holds
    /// it no longer than a lease, and the next checker downloads it again (the killed attempt's partial file is replaced).
    /// </summary>
    private async Task DeliverAsync(JobStorage storage, WaitingJob job, VideoStatus status, CancellationToken stopping)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var moved = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewal = RenewAsync(storage, job.Key, moved, renewing.Token);
        try
        {
            await _deliverySlots.WaitAsync(stopping).ConfigureAwait(false);
            try
            {
                using var connection = storage.GetConnection();
                var store = new VideoJobStore(connection);
                var ended = await runner.DeliverFoundAsync(job.Key, store, job.Operation, status, job.Wait.Polls, _id, moved.Token).ConfigureAwait(false);
                if (!Move(storage, job, new SucceededState(ended, latency: 0, performanceDuration: 0)))
                {
                    // Deleted or requeued the moment the clip arrived: it is delivered all the same, and says so.
                    store.KeepDelivered(job.Key, ended.Record!.Record);
                }
            }
            finally
            {
                _deliverySlots.Release();
            }
        }
        catch (OperationCanceledException) when (moved.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            // Deleted or requeued while it downloaded: whoever moved it owns it now; the partial file is not kept.
            jobs.Forget(job.Key);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested && exception is not OutOfMemoryException and not VideoJobMovedException)
        {
            // The record keeps saying Downloading; the job stays waiting, and the next check (after a backoff) delivers again.
            if (!HandlersGaveUp(storage, job, exception) && CheckFailed(storage, job, exception, delivering: true) is { } again)
            {
                using var connection = storage.GetConnection();
                DueSet.Schedule(connection, [(job.Key, again)]);
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // The server stops: the claim falls due and another server (or this one, restarted) delivers.
        }
        catch (VideoJobMovedException)
        {
            // Canceled or requeued while it downloaded: whoever moved it owns it now.
            jobs.Forget(job.Key);
        }
        finally
        {
            _deliveries.TryRemove(job.Key, out _);
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends a delivered job whose completion handlers failed for the last time allowed as a step ends one: Completed,
    /// saying the handlers did not hear of it (not NeedsAttention about a download that went through).
    /// </summary>
    /// <returns>Whether it was such a job; false for a failed download, or handlers that may be tried again.</returns>
    private bool HandlersGaveUp(JobStorage storage, WaitingJob job, Exception exception)
    {
        using var connection = storage.GetConnection();
        var store = new VideoJobStore(connection);
        if (store.Read(job.Key) is not { State: DurableVideoJobState.Completed, Notified: false } delivered)
        {
            return false;
        }

        if (!job.HandlersFailing)
        {
            // The failures before the clip arrived were the polls' and the download's, not the handlers'.
            job.HandlersFailing = true;
            job.Failures = 0;
        }

        if (job.Failures + 1 < _options.MaxStepFailures)
        {
            return false;
        }

        job.Failures++;
        var ended = runner.EndWithoutHandlers(job.Key, delivered, store, job.Failures, WaitMessages.What(exception));
        if (!Move(storage, job, new SucceededState(ended, latency: 0, performanceDuration: 0)))
        {
            store.KeepDelivered(job.Key, ended.Record!.Record);
        }

        return true;
    }

    /// <summary>Scores a job a whole lease forward, so no other server's round takes it while it is delivered here.</summary>
    private void HoldForLease(IStorageConnection connection, string key) => DueSet.Schedule(connection, [(key, Now + LeaseTime)]);

    /// <summary>Renews the claim while the delivery runs; a job that stopped waiting (deleted, requeued) has its delivery canceled.</summary>
    private async Task RenewAsync(JobStorage storage, string key, CancellationTokenSource moved, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, settings.Time, done).ConfigureAwait(false);
                try
                {
                    using var connection = storage.GetConnection();
                    if (OpperWaitingState.Read(connection.GetStateData(key)) is null)
                    {
                        await moved.CancelAsync().ConfigureAwait(false);
                        return;
                    }

                    HoldForLease(connection, key);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
                {
                    // A storage hiccup: the lease has two more renewals' worth of room; try again at the next one.
                    CheckerLog.RoundFailed(logger, exception, $"renewing the claim on job {key}: {exception.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // Delivered, or the server stops.
        }
    }
}
