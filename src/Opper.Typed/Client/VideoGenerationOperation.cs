namespace Opper.Typed;

/// <summary>
/// One video generation job at Opper, as a long-running operation (the shape of Azure's <c>Operation&lt;T&gt;</c>): start
/// it with <see cref="OpperVideoClient.StartGenerationAsync"/>, or rehydrate it from its <see cref="Id"/> in any process
/// with <see cref="OpperVideoClient.GetGenerationOperation"/>; then wait, download or stream. Thread-safe.
/// </summary>
/// <remarks>
/// Every failure after the job was submitted carries <see cref="Id"/>: a cancellation is a
/// <see cref="VideoGenerationCanceledException"/>, a network, timeout or disk failure a
/// <see cref="VideoGenerationInterruptedException"/>, and the job itself keeps running (and billing) at Opper.
/// The members are virtual and the parameterless constructor protected, so tests can derive a fake.
/// </remarks>
public class VideoGenerationOperation
{
    private readonly VideoJobContext? _context;
    private readonly Uri? _statusUri;
    private readonly long? _submittedAt;
    private readonly VideoWireRequest? _request;
    private string? _shape;
    private string? _model;
    private VideoStatus? _status;
    private int _polls;
    private int _endRecorded;
    private long _lastRunningAtTicks;
    private (TimeSpan RunningAt, TimeSpan DoneAt)? _learned;

    /// <summary>For mocking: an operation that is not connected to any client. Override the members you use.</summary>
    protected VideoGenerationOperation()
    {
        Id = string.Empty;
    }

    /// <param name="context">The client's shared parts.</param>
    /// <param name="id">The job id.</param>
    /// <param name="statusUri">Where to poll it.</param>
    /// <param name="model">Its model, when known.</param>
    /// <param name="submittedAt">When this client submitted it (a timestamp); null for a job picked up by id.</param>
    /// <param name="seen">A status already seen.</param>
    /// <param name="request">What was submitted: the adaptive schedule learns and polls by its <see cref="JobShape"/>; null for none.</param>
    internal VideoGenerationOperation(VideoJobContext context, string id, Uri statusUri, string? model, long? submittedAt, VideoStatus? seen = null, VideoWireRequest? request = null)
    {
        _context = context;
        _request = submittedAt is null ? null : request;
        Id = id;
        _statusUri = statusUri;
        _model = model;
        _submittedAt = submittedAt;
        _status = seen;
    }

    /// <summary>The job id (<c>gen_…</c>). Keep it: <see cref="OpperVideoClient.GetGenerationOperation"/> resumes the job from it.</summary>
    public virtual string Id { get; }

    /// <summary>The status seen by the last poll of this operation; null before the first.</summary>
    public virtual VideoStatus? Status => Volatile.Read(ref _status);

    /// <summary>
    /// The id of the job's stored output (<c>file_…</c>) once a poll saw it completed; null before, and for a job that
    /// stored nothing (<see cref="VideoRequest.Store"/> false, a zero-data-retention project). Pass it on as
    /// <see cref="MediaInput.FromFileId"/> to edit or extend the clip, or download it later with
    /// <see cref="OpperFilesClient.DownloadToFileAsync"/> after the clip's URL has expired.
    /// </summary>
    public virtual string? FileId => Status?.FileId;

    /// <summary>True once a poll saw the job finished: completed with a download URL, or failed.</summary>
    public virtual bool HasCompleted => Status is { State: VideoJobState.Failed } or { State: VideoJobState.Completed, Url.Length: > 0 };

    private VideoJobContext Context => _context
        ?? throw new InvalidOperationException($"This {GetType().Name} was made by the protected constructor meant for mocking; override the member you call.");

    private string Model => _model ?? Status?.Model ?? "unknown";

    /// <summary>Made when first needed (a wait, a completion), so an operation that is only polled pays nothing for it.</summary>
    private string? Shape => !Context.Settings.Polling.Adaptive ? null : _shape ??= _request is null ? null : JobShape.Of(_request, Context.Completions);

    /// <summary>
    /// A durable job's operation rebuilt from what its record kept, so its checks poll, learn and time out exactly as an
    /// operation in process does.
    /// </summary>
    /// <param name="context">The client's shared parts.</param>
    /// <param name="id">The job id.</param>
    /// <param name="statusUrl">The <c>status_url</c> of the POST's answer, when kept.</param>
    /// <param name="shape">The job's <see cref="JobShape"/>, when kept.</param>
    /// <param name="sinceSubmission">Time since the job was submitted.</param>
    /// <param name="lastSeenRunning">When (since submission) a poll last saw it running; null when unknown, and then its completion teaches nothing.</param>
    internal static VideoGenerationOperation Rebuilt(VideoJobContext context, string id, string? statusUrl, string? shape, TimeSpan sinceSubmission, TimeSpan? lastSeenRunning)
    {
        var time = context.Settings.Time;
        var submittedAt = time.GetTimestamp() - (long)(sinceSubmission.TotalSeconds * time.TimestampFrequency);
        return new VideoGenerationOperation(context, id, context.ChooseStatusUri(id, statusUrl), model: null, submittedAt)
        {
            _shape = shape,
            _lastRunningAtTicks = lastSeenRunning?.Ticks ?? -1,
        };
    }

    /// <summary>Where this operation polls: the POST's <c>status_url</c> when it is on the API's origin, else the documented path.</summary>
    internal Uri? StatusUri => _statusUri;

    /// <summary>What the poll that saw this job completed taught (its bracket since submission); null before, or when nothing was learned.</summary>
    internal (TimeSpan RunningAt, TimeSpan DoneAt)? Learned => _learned;

    /// <summary>When (since submission) a poll last saw the job running; null when unknown.</summary>
    internal TimeSpan? LastSeenRunning => Interlocked.Read(ref _lastRunningAtTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>The estimate its schedule follows: what jobs of its shape took; null while nothing is learned.</summary>
    internal CompletionEstimate? Estimate => Shape is { } shape ? Context.Completions.Estimate(shape) : null;


    /// <summary>Polls the job once and updates <see cref="Status"/>. A failed job is returned, not thrown.</summary>
    /// <param name="cancellationToken">Cancels the poll (the job keeps running).</param>
    /// <returns>The status; <see cref="VideoStatus.State"/> tells whether it is done.</returns>
    /// <exception cref="OpperApiException">Opper answered with an error (404: no such job); carries the job id.</exception>
    /// <exception cref="VideoGenerationCanceledException">Cancelled; carries the job id.</exception>
    /// <exception cref="VideoGenerationInterruptedException">The poll failed on the network or timed out; carries the job id.</exception>
    public virtual Task<VideoStatus> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        PollAsync(cancellationToken, failing: "polling");

    /// <summary>
    /// Polls until the job completes or fails (at once when a poll already saw it completed). Delays and the overall
    /// timeout come from <see cref="OpperVideoClientOptions.Polling"/>.
    /// </summary>
    /// <param name="progress">Receives a report after each poll.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running).</param>
    /// <returns>The completed status, with the download URL.</returns>
    /// <exception cref="VideoGenerationFailedException">The provider reported failure.</exception>
    /// <exception cref="VideoGenerationTimeoutException">Still running after the timeout.</exception>
    /// <exception cref="VideoGenerationCanceledException">Cancelled; carries the job id.</exception>
    /// <exception cref="VideoGenerationInterruptedException">Polling failed on the network or timed out; carries the job id.</exception>
    /// <exception cref="OpperApiException">Opper answered with an error, or kept answering with something that is not a status; carries the job id.</exception>
    public virtual async Task<VideoStatus> WaitForCompletionAsync(IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        switch (Status)
        {
            case { State: VideoJobState.Completed, Url.Length: > 0 } done:
                return done;
            case { State: VideoJobState.Failed } failed:
                throw new VideoGenerationFailedException(Id, failed.Error, failed);
        }

        using var activity = OpperTelemetry.Source.StartActivity("opper.video.wait");
        activity?.SetTag("opper.job_id", Id);
        var context = Context;
        try
        {
            var waiter = new JobWaiter((_, token) => PollAsync(token), context.Settings.Polling, context.Settings.Time, context.Logger, Estimate, _submittedAt);
            // Rehydrated by id and never polled: the job may be long done, so ask now (a download by id was 2 s slower for it).
            return await waiter.WaitAsync(Id, progress, cancellationToken, pollAtOnce: _submittedAt is null && Status is null).ConfigureAwait(false);
        }
        catch (Exception exception) when (JobErrors.NeedsJobId(exception))
        {
            throw JobErrors.WithJobId(exception, Id, "waiting for", cancellationToken);
        }
    }

    /// <summary>
    /// Waits for the job, then downloads its clip. The destination is checked first, so a wrong path fails before the
    /// wait. The file is written beside <paramref name="path"/> and moved there only when whole; a broken transfer is
    /// resumed, an expired URL refreshed by polling again. The download host never receives the API key.
    /// </summary>
    /// <param name="path">The destination file; replaced if it exists. Its folder must exist.</param>
    /// <param name="progress">Receives polls and byte counts.</param>
    /// <param name="cancellationToken">Stops waiting or downloading; no file is left behind.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is a folder, or its folder does not exist.</exception>
    /// <exception cref="VideoGenerationCanceledException">Cancelled; carries the job id; no file is left.</exception>
    /// <exception cref="VideoGenerationInterruptedException">The network, a timeout or the disk failed; carries the job id; no file is left.</exception>
    public virtual async Task DownloadToFileAsync(string path, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Destination.ThrowIfUnusable(path, "Nothing was downloaded");
        var completed = await WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
        await DownloadCompletedAsync(completed, path, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for the job, then opens its clip as a read-only stream over the presigned URL (to hand to a blob store or
    /// an HTTP response). A refused or expired URL is refreshed by polling again; the download host never receives the
    /// API key. Dispose the stream to end the download.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting or opening (the job keeps running); pass a token to the reads as well.</param>
    /// <returns>The clip's bytes; a read that breaks off throws an <see cref="IOException"/> whose message names the job.</returns>
    /// <exception cref="VideoGenerationCanceledException">Cancelled; carries the job id.</exception>
    /// <exception cref="VideoGenerationInterruptedException">The network or a timeout failed; carries the job id.</exception>
    public virtual async Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        var completed = await WaitForCompletionAsync(progress: null, cancellationToken).ConfigureAwait(false);
        return await OpenCompletedAsync(completed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the clip of a status already known to be completed; <see cref="OpenReadAsync"/> and the durable jobs' sinks share it.</summary>
    internal async Task<Stream> OpenCompletedAsync(VideoStatus completed, CancellationToken cancellationToken)
    {
        var context = Context;
        try
        {
            return await context.StreamOpener.OpenAsync(
                context.ClipOf(completed), bytes => context.Metrics.DownloadedBytes(Model, bytes), elapsed => context.Metrics.DownloadFinished(Model, elapsed), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (JobErrors.NeedsJobId(exception))
        {
            throw JobErrors.WithJobId(exception, Id, "opening the download of", cancellationToken);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"VideoGenerationOperation {Id}: {Status?.Status ?? "not polled yet"}";

    /// <summary>Downloads a status already known to be completed; the step method, <see cref="DownloadToFileAsync"/> and the durable jobs share it.</summary>
    /// <param name="completed">The completed status, with its URL.</param>
    /// <param name="path">The destination.</param>
    /// <param name="progress">Receives byte counts.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <param name="partialOwner">Names the partial file after its owner, a durable job's key, so a retry replaces a killed attempt's file.</param>
    internal async Task DownloadCompletedAsync(VideoStatus completed, string path, IProgress<VideoProgress>? progress, CancellationToken cancellationToken, string? partialOwner = null)
    {
        using var activity = OpperTelemetry.Source.StartActivity("opper.video.download");
        activity?.SetTag("opper.job_id", Id);
        var context = Context;
        var started = context.Settings.Time.GetTimestamp();
        try
        {
            await context.Downloader.DownloadAsync(context.ClipOf(completed), path, progress, cancellationToken, partialOwner).ConfigureAwait(false);
        }
        catch (Exception exception) when (JobErrors.NeedsJobId(exception))
        {
            throw JobErrors.WithJobId(exception, Id, "downloading", cancellationToken);
        }

        context.Metrics.DownloadedBytes(Model, new FileInfo(path).Length);
        context.Metrics.DownloadFinished(Model, context.Settings.Time.GetElapsedTime(started));
    }

    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <param name="failing">
    /// What a failure is reported as doing (<see cref="JobErrors.WithJobId"/>), so a single poll needs no wrapper of
    /// its own; null where the caller reports it (the wait).
    /// </param>
    private async Task<VideoStatus> PollAsync(CancellationToken cancellationToken, string? failing = null)
    {
        var context = Context;
        VideoStatus status;
        try
        {
            status = await context.Poller.PollAsync(_statusUri!, Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (failing is not null && JobErrors.NeedsJobId(exception))
        {
            throw JobErrors.WithJobId(exception, Id, failing, cancellationToken);
        }

        var polls = Interlocked.Increment(ref _polls);
        _model ??= status.Model;
        Volatile.Write(ref _status, status);
        var sinceSubmission = _submittedAt is { } submitted ? context.Settings.Time.GetElapsedTime(submitted) : (TimeSpan?)null;
        if (!HasCompleted)
        {
            if (sinceSubmission is { } runningAt && status.State != VideoJobState.Completed)
            {
                Interlocked.Exchange(ref _lastRunningAtTicks, runningAt.Ticks);
            }
        }
        else if (Interlocked.Exchange(ref _endRecorded, 1) == 0)
        {
            context.Metrics.JobEnded(Model, status.State, sinceSubmission, polls);
            var runningAt = Interlocked.Read(ref _lastRunningAtTicks);
            if (status.State == VideoJobState.Completed && Shape is { } shape && sinceSubmission is { } doneAt && runningAt >= 0)
            {
                // Finished after the last poll that saw it running, by this one: what the next jobs like it are polled by.
                _learned = (TimeSpan.FromTicks(runningAt), doneAt);
                context.Completions.Record(shape, TimeSpan.FromTicks(runningAt), doneAt);
            }
        }

        return status;
    }
}
