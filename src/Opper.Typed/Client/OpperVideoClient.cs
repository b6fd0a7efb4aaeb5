using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Opper.Typed;

/// <summary>
/// Generates videos with Opper: start a job (<see cref="StartGenerationAsync"/>), follow it as a
/// <see cref="VideoGenerationOperation"/>, download or stream the clip. Thread-safe; reuse one instance (dependency
/// injection registers it as a singleton).
/// </summary>
/// <remarks>
/// Mockable: derive from it and override the virtual members; a derived class that calls the parameterless
/// constructor gets an unconnected instance (see <see cref="OpperVideoClient()"/>).
/// </remarks>
/// <example>
/// <code>
/// using var client = new OpperVideoClient();   // OPPER_API_KEY, OPPER_BASE_URL
/// var operation = await client.StartGenerationAsync(new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a hot air balloon at dawn"));
/// await operation.DownloadToFileAsync("clip.mp4");
/// </code>
/// </example>
public partial class OpperVideoClient : IDisposable
{
    private readonly VideoJobContext? _context;
    private readonly IOpperVideosApi? _api;
    private readonly VideoHttpClients? _http;
    private readonly OpperFilesClient? _files;

    /// <summary>
    /// Creates a client from the environment: key from <c>OPPER_API_KEY</c>, address from <c>OPPER_BASE_URL</c> else
    /// https://api.opper.ai. Called by a derived class (a test double), it connects nothing and reads nothing: the
    /// mocking constructor of the Azure SDK guidelines; such a class overrides the members it uses.
    /// </summary>
    /// <exception cref="InvalidOperationException">No key is set, or the address is not https (nor loopback http); the message names the setting.</exception>
    public OpperVideoClient()
    {
        if (GetType() != typeof(OpperVideoClient))
        {
            return;
        }

        var settings = ClientSettings.Resolve(new OpperVideoClientOptions(), Environment.GetEnvironmentVariable);
        (_context, _api, _http) = Connect(settings, VideoHttpClients.Create(settings), NullLogger.Instance, OpperMetrics.For(null));
        _files = new OpperFilesClient(_context);
    }

    /// <summary>Creates a client with explicit options; settings left null fall back to the environment.</summary>
    /// <param name="options">The options; read once, here (later changes to the object do not affect this client).</param>
    /// <exception cref="InvalidOperationException">No key is set, or a setting is invalid; the message names every such setting.</exception>
    public OpperVideoClient(OpperVideoClientOptions options)
        : this(ClientSettings.Resolve(options, Environment.GetEnvironmentVariable), http: null, options?.LoggerFactory, options?.MeterFactory)
    {
    }

    /// <summary>Used by dependency injection, which supplies clients from <see cref="IHttpClientFactory"/> and the host's logging and metrics.</summary>
    internal OpperVideoClient(ClientSettings settings, VideoHttpClients? http, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        ILogger logger = loggerFactory?.CreateLogger<OpperVideoClient>() ?? NullLogger<OpperVideoClient>.Instance;
        (_context, _api, _http) = Connect(settings, http ?? VideoHttpClients.Create(settings), logger, OpperMetrics.For(meterFactory));
        _files = new OpperFilesClient(_context);
    }

    private VideoJobContext Context => _context ?? throw MockOnly();

    /// <summary>
    /// Opper's Files: upload media once and pass its id (<see cref="MediaInput.FromFileId"/>), list, download and delete
    /// stored files, a finished job's output among them. Same connections, key, retries and timeouts as this client.
    /// </summary>
    public virtual OpperFilesClient Files => _files ?? throw MockOnly();

    /// <summary>
    /// Starts a paid generation job (<c>POST /v3/videos</c>) and returns it as an operation. The request is validated
    /// first (unless <see cref="OpperVideoClientOptions.ValidateRequests"/> is off), so a bad one costs nothing. The POST
    /// is never retried: when its answer is lost, <see cref="VideoSubmissionUncertainException"/> says so.
    /// </summary>
    /// <param name="request">A typed request (e.g. <c>Veo31FastGenerate001Request</c>) or a <see cref="VideoRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the call; once the POST has left, the job may exist (see the exceptions).</param>
    /// <returns>The operation; it polls the <c>status_url</c> the API returned when that is on the API's own origin.</returns>
    /// <exception cref="OpperValidationException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="OpperBudgetExceededException">The job would pass <see cref="OpperVideoClientOptions.Budget"/>, or has no price under it; nothing was sent.</exception>
    /// <exception cref="OpperApiException">Opper refused the request (400, 401, 402 wallet empty, 404, 429, 5xx); no job was created unless the hint says so.</exception>
    /// <exception cref="VideoSubmissionUncertainException">The answer was lost after the request left; the job may exist; nothing was sent again.</exception>
    /// <exception cref="VideoGenerationCanceledException">Cancelled while the POST was in flight; the job may exist.</exception>
    public virtual Task<VideoGenerationOperation> StartGenerationAsync(IVideoRequest request, CancellationToken cancellationToken = default)
    {
        // Not async: one state machine fewer on the path the README leads with. A request the rules refuse still
        // fails the returned task, as an async method's would, rather than throwing from the call.
        VideoWireRequest wire;
        MediaUploadPlan? uploads;
        try
        {
            wire = PrepareSubmission(request, out uploads);
        }
        catch (Exception exception)
        {
            return Task.FromException<VideoGenerationOperation>(exception);
        }

        return uploads is null
            ? StartPreparedGenerationAsync(wire, cancellationToken, request.ModelSpec)
            : UploadThenStartAsync(wire, uploads, request.ModelSpec, cancellationToken);
    }

    /// <summary>
    /// The operation of an existing job, from its id alone, without a call: in another process, after a crash, or for a
    /// job another service started. It polls <c>/v3/artifacts/{id}/status</c> on the API host.
    /// </summary>
    /// <param name="id">The job id (<c>gen_…</c>).</param>
    /// <returns>The operation; <see cref="VideoGenerationOperation.Status"/> is null until it polls.</returns>
    public virtual VideoGenerationOperation GetGenerationOperation(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new VideoGenerationOperation(Context, id, Context.ChooseStatusUri(id, statusUrl: null), model: null, submittedAt: null);
    }

    /// <summary>
    /// Starts a paid generation job and returns its id and status URL; a step method over the same submission as
    /// <see cref="StartGenerationAsync"/>, with the same validation, exceptions and no retry.
    /// </summary>
    /// <param name="request">A typed request (e.g. <c>Veo31FastGenerate001Request</c>) or a <see cref="VideoRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the call; once the POST has left, the job may exist.</param>
    /// <returns>The job id and status URL.</returns>
    /// <exception cref="OpperValidationException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="OpperApiException">Opper refused the request.</exception>
    /// <exception cref="VideoSubmissionUncertainException">The answer was lost after the request left; the job may exist.</exception>
    public virtual Task<VideoJob> SubmitAsync(IVideoRequest request, CancellationToken cancellationToken = default) =>
        SubmitJobAsync(request, cancellationToken);

    /// <summary>Polls a job once: <see cref="GetGenerationOperation"/>(<paramref name="jobId"/>).<see cref="VideoGenerationOperation.UpdateStatusAsync"/>.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status; <see cref="VideoStatus.State"/> tells whether it is done.</returns>
    /// <exception cref="OpperApiException">Opper answered with an error (404: no such job); carries the job id.</exception>
    public virtual Task<VideoStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetGenerationOperation(jobId).UpdateStatusAsync(cancellationToken);

    /// <summary>
    /// Polls until the job completes or fails: <see cref="GetGenerationOperation"/>(<paramref name="jobId"/>).<see cref="VideoGenerationOperation.WaitForCompletionAsync"/>.
    /// Works for any job id, so a job started elsewhere (or before a crash) can be resumed.
    /// </summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="progress">Receives a report after each poll.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running).</param>
    /// <returns>The completed status, with the download URL.</returns>
    /// <exception cref="VideoGenerationFailedException">The provider reported failure.</exception>
    /// <exception cref="VideoGenerationTimeoutException">Still running after the timeout; carries the job id.</exception>
    /// <exception cref="VideoGenerationCanceledException">Cancelled; carries the job id.</exception>
    public virtual Task<VideoStatus> WaitForCompletionAsync(string jobId, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default) =>
        GetGenerationOperation(jobId).WaitForCompletionAsync(progress, cancellationToken);

    /// <summary>
    /// Downloads a completed job's clip. The file appears at <paramref name="path"/> only when whole; a broken transfer
    /// is resumed, an expired URL refreshed by polling again.
    /// </summary>
    /// <param name="completed">A status whose <see cref="VideoStatus.State"/> is <see cref="VideoJobState.Completed"/>, with its id and URL.</param>
    /// <param name="path">The destination; replaced if it exists. Its folder must exist.</param>
    /// <param name="progress">Receives byte counts.</param>
    /// <param name="cancellationToken">Stops the download; no file is left behind.</param>
    /// <exception cref="ArgumentException">The status is not completed, or has no id or URL; or the path is unusable.</exception>
    /// <exception cref="OpperApiException">The storage host refused the download even after refreshing the URL.</exception>
    /// <exception cref="VideoGenerationCanceledException">Cancelled; carries the job id.</exception>
    /// <exception cref="VideoGenerationInterruptedException">The network, a timeout or the disk failed; carries the job id.</exception>
    public virtual Task DownloadToFileAsync(VideoStatus completed, string path, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completed);
        Destination.ThrowIfUnusable(path, "Nothing was downloaded");
        if (completed is not { State: VideoJobState.Completed, Url.Length: > 0, Id.Length: > 0 })
        {
            throw new ArgumentException(
                $"Job {completed.Id ?? "(no id)"} is '{completed.Status}' and has no download URL or id; wait with WaitForCompletionAsync first.", nameof(completed));
        }

        var operation = new VideoGenerationOperation(Context, completed.Id, Context.ChooseStatusUri(completed.Id, null), completed.Model, null, completed);
        return operation.DownloadCompletedAsync(completed, path, progress, cancellationToken);
    }

    /// <summary>
    /// Starts, waits and downloads: the whole generation in one call. The destination is checked before the paid POST.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="path">Where the clip goes; its folder must exist.</param>
    /// <param name="progress">Receives every phase: submitted, processing, downloading, completed.</param>
    /// <param name="cancellationToken">Stops at any phase; no file is left behind (a submitted job keeps running).</param>
    /// <returns>The completed status; its <see cref="VideoStatus.Id"/> names the job.</returns>
    /// <exception cref="ArgumentException">The path is a folder or its folder does not exist; nothing was submitted.</exception>
    /// <exception cref="OpperValidationException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="OpperApiException">Opper answered with an error.</exception>
    /// <exception cref="VideoGenerationFailedException">The provider reported failure.</exception>
    /// <exception cref="VideoGenerationTimeoutException">Still running after the timeout; carries the job id.</exception>
    /// <exception cref="VideoGenerationCanceledException">Cancelled; carries the job id once it is known.</exception>
    /// <exception cref="VideoGenerationInterruptedException">The network, a timeout or the disk failed after the submission; carries the job id.</exception>
    /// <exception cref="VideoSubmissionUncertainException">The POST's answer was lost; the job may exist; nothing was sent again.</exception>
    public virtual async Task<VideoStatus> GenerateToFileAsync(IVideoRequest request, string path, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Destination.ThrowIfUnusable(path, "Nothing was submitted");
        var time = Context.Settings.Time;
        var started = time.GetTimestamp();
        var operation = await StartGenerationAsync(request, cancellationToken).ConfigureAwait(false);
        progress?.Report(new VideoProgress(VideoProgressPhase.Submitted, operation.Id, time.GetElapsedTime(started)));
        var completed = await operation.WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
        // Not operation.DownloadToFileAsync: the path was checked before the POST, and from here on every failure,
        // a folder deleted meanwhile included, must carry the job id.
        await operation.DownloadCompletedAsync(completed, path, progress, cancellationToken).ConfigureAwait(false);
        return completed;
    }

    /// <summary>Reads one page of the model catalog (<c>GET /v3/videos/models</c>).</summary>
    /// <param name="capability">Only models with this capability (<c>video_generation</c>, <c>image_to_video</c>, <c>video_editing</c>).</param>
    /// <param name="query">Free-text filter.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="offset">Index of the first model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="OpperApiException">Opper answered with an error.</exception>
    public virtual Task<VideoModelList> ListModelsAsync(string? capability = null, string? query = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        UnwrapAsync((_api ?? throw MockOnly()).ListModelsAsync(query, capability, limit, offset, cancellationToken), Context.Settings.ApiKey);

    /// <summary>
    /// One page of the catalog as the JSON text the server sent (<see cref="CatalogPage"/>): what the CLI writes into
    /// snapshots verbatim, where <see cref="ListModelsAsync"/> would drop the fields this build does not know.
    /// </summary>
    internal Task<string> ReadModelsPageJsonAsync(int limit, int offset, CancellationToken cancellationToken) =>
        CatalogPage.ReadAsync(
            (_http ?? throw MockOnly()).Api, Context.ApiUri(FormattableString.Invariant($"v3/videos/models?limit={limit}&offset={offset}")), Context.Settings.ApiKey, cancellationToken);

    /// <summary>Disposes the HTTP clients this instance created (not ones supplied by <see cref="IHttpClientFactory"/>).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP clients this instance created; a derived class releases its own resources here.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Clients from IHttpClientFactory are the factory's to dispose: VideoHttpClients disposes only its own.
            _http?.Dispose();
        }
    }

    private static (VideoJobContext, IOpperVideosApi, VideoHttpClients) Connect(ClientSettings settings, VideoHttpClients http, ILogger logger, OpperMetrics metrics)
    {
        // Refit resolves the catalog path against it; the submitter and the poller build absolute URIs themselves.
        http.Api.BaseAddress = settings.BaseAddress;
        var api = RestService.ForGenerated<IOpperVideosApi>(http.Api, RefitSettings.ForJsonContext(OpperJsonContext.Default));
        return (new VideoJobContext(settings, http, logger, metrics), api, http);
    }

    /// <summary>
    /// Starts a job from a wire body <see cref="PrepareSubmission"/> already checked: a durable job checks its request when
    /// it is enqueued and sends the stored body later, from a worker, exactly as it was checked.
    /// </summary>
    internal async Task<VideoGenerationOperation> StartPreparedGenerationAsync(
        VideoWireRequest wire, CancellationToken cancellationToken, VideoModelSpec? spec = null, VideoCostEstimate? estimated = null, BudgetTicket? reserved = null)
    {
        var started = Context.Settings.Time.GetTimestamp();
        var job = await SendAsync(wire, spec, cancellationToken, estimated, reserved).ConfigureAwait(false);
        return new VideoGenerationOperation(Context, job.Id, Context.ChooseStatusUri(job.Id, job.StatusUrl), wire.Model, started, request: wire);
    }

    /// <summary>
    /// The wire body of <paramref name="request"/>, checked by the shared rules (unless
    /// <see cref="OpperVideoClientOptions.ValidateRequests"/> is off), its notices logged; and which of its media are
    /// uploaded before the POST (null for none, and always for a request without media, which allocates nothing for it).
    /// </summary>
    /// <exception cref="OpperValidationException">The request is invalid.</exception>
    internal VideoWireRequest PrepareSubmission(IVideoRequest request, out MediaUploadPlan? uploads)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = Context;
        var wire = request.ToWireRequest();
        var catalog = context.Settings.Models ?? VideoModelCatalog.Default;
        uploads = wire.HasMedia ? context.MediaUploads.Plan(wire, request.ModelSpec ?? (catalog.TryGet(wire.Model, out var spec) ? spec : null)) : null;
        if (context.Settings.ValidateRequests)
        {
            var problems = VideoRequestValidator.Check(wire, request.ModelSpec, request.AdditionalParameterKeys, catalog, out var notices, uploads is null ? null : uploads.WillUpload);
            if (problems is [var first, ..])
            {
                throw first;
            }

            // Sent as is: the live catalog may be newer than this build's snapshot, or the key is a deliberate escape hatch.
            for (var i = 0; i < (notices?.Count ?? 0); i++)
            {
                Log.RequestNotice(context.Logger, notices![i].Level, notices[i].Message);
            }
        }

        return wire;
    }

    private async Task<VideoJob> SubmitJobAsync(IVideoRequest request, CancellationToken cancellationToken)
    {
        var wire = PrepareSubmission(request, out var uploads);
        if (uploads is null)
        {
            return await SendAsync(wire, request.ModelSpec, cancellationToken).ConfigureAwait(false);
        }

        var (sent, reserved) = await UploadWithinBudgetAsync(wire, uploads, request.ModelSpec, cancellationToken).ConfigureAwait(false);
        return await SendAsync(sent, request.ModelSpec, cancellationToken, reserved: reserved).ConfigureAwait(false);
    }

    /// <summary>The slow path of <see cref="StartGenerationAsync"/>: a request with local media to upload first.</summary>
    private async Task<VideoGenerationOperation> UploadThenStartAsync(VideoWireRequest wire, MediaUploadPlan uploads, VideoModelSpec? spec, CancellationToken cancellationToken)
    {
        var (sent, reserved) = await UploadWithinBudgetAsync(wire, uploads, spec, cancellationToken).ConfigureAwait(false);
        return await StartPreparedGenerationAsync(sent, cancellationToken, spec, reserved: reserved).ConfigureAwait(false);
    }

    /// <summary>
    /// Reserves the job's estimate, then uploads its local media: a job the budget refuses uploads nothing (uploads count
    /// against the storage quota), and a failed upload, after which no POST is sent, gives the reservation back.
    /// </summary>
    private async Task<(VideoWireRequest Wire, BudgetTicket Reserved)> UploadWithinBudgetAsync(
        VideoWireRequest wire, MediaUploadPlan uploads, VideoModelSpec? spec, CancellationToken cancellationToken)
    {
        var context = Context;
        var reserved = context.Budget.Reserve(wire, spec ?? FindSpec(wire.Model));
        try
        {
            return (await uploads.UploadAsync(wire, cancellationToken).ConfigureAwait(false), reserved);
        }
        catch
        {
            context.Budget.Release(reserved);
            throw;
        }
    }

    /// <summary>What this client learned of how long jobs take, for the durable jobs' checks to be scheduled by it too.</summary>
    internal CompletionHistory Completions => Context.Completions;

    internal OpperMetrics Metrics => Context.Metrics;

    /// <summary>A durable job's operation, rebuilt from its record (see <see cref="VideoGenerationOperation.Rebuilt"/>).</summary>
    internal VideoGenerationOperation RebuildOperation(string id, string? statusUrl, string? shape, TimeSpan sinceSubmission, TimeSpan? lastSeenRunning) =>
        VideoGenerationOperation.Rebuilt(Context, id, statusUrl, shape, sinceSubmission, lastSeenRunning);

    private InvalidOperationException MockOnly() =>
        new($"This {GetType().Name} was made by the constructor meant for mocking; override the member you call.");

    private static async Task<T> UnwrapAsync<T>(Task<IApiResponse<T>> call, string apiKey)
        where T : class
    {
        using var response = await call.ConfigureAwait(false);
        if (response.IsSuccessful && response.Content is { } content)
        {
            return content;
        }

        if (response.StatusCode is not { } status)
        {
            // Refit wraps transport failures (network errors, timeouts, cancellation); callers expect the originals.
            var transport = response.Error?.InnerException ?? response.Error;
            ExceptionDispatchInfo.Throw(transport ?? new HttpRequestException("The request failed without a response."));
            throw new UnreachableException();
        }

        if (!response.IsSuccessStatusCode)
        {
            throw ApiErrorMapper.Map(status, (response.Error as ApiException)?.Content, response.Headers, secret: apiKey);
        }

        throw new OpperApiException(
            status, "invalid_response", $"the {typeof(T).Name} body could not be read ({response.Error?.InnerException?.Message ?? "empty body"})",
            "The server is not speaking the Opper v3 API: check OpperVideoClientOptions.BaseAddress.");
    }
}
