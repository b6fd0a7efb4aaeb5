using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Opper.Typed;

/// <summary>
/// Generates videos with Opper: submit a request, follow the job, download the clip. Thread-safe; reuse one instance.
/// </summary>
/// <example>
/// <code>
/// using var client = new OpperVideoClient();   // OPPER_API_KEY, OPPER_BASE_URL
/// await client.GenerateToFileAsync(new VideoRequest("openai/sora-2", "a hot air balloon at dawn"), "clip.mp4");
/// </code>
/// </example>
public sealed class OpperVideoClient : IDisposable
{
    private readonly HttpClient _apiHttp;
    private readonly HttpClient _downloadHttp;
    private readonly bool _ownsHttpClients;
    private readonly OpperVideoClientOptions _options;
    private readonly string _apiKey;
    private readonly ILogger _logger;
    private readonly JobWaiter _waiter;
    private readonly VideoDownloader _downloader;

    /// <summary>Creates a client from the environment: key from <c>OPPER_API_KEY</c>, address from <c>OPPER_BASE_URL</c> else https://api.opper.ai.</summary>
    /// <exception cref="InvalidOperationException">No key is set, or the address is not https (nor loopback http).</exception>
    public OpperVideoClient()
        : this(new OpperVideoClientOptions())
    {
    }

    /// <summary>Creates a client with explicit options.</summary>
    /// <param name="options">The options; read once, here.</param>
    /// <exception cref="InvalidOperationException">No key is set, or the options are inconsistent; the message names the setting.</exception>
    public OpperVideoClient(OpperVideoClientOptions options)
        : this(options, apiHttp: null, downloadHttp: null)
    {
    }

    /// <summary>Used by dependency injection, which supplies clients from <see cref="IHttpClientFactory"/>.</summary>
    internal OpperVideoClient(OpperVideoClientOptions options, HttpClient? apiHttp, HttpClient? downloadHttp)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKey = options.Validate();
        _apiKey = apiKey;
        _options = options;
        _ownsHttpClients = apiHttp is null;
        _apiHttp = apiHttp ?? new HttpClient(RetryPolicy.CreateHandler(options, apiKey));
        _downloadHttp = downloadHttp ?? new HttpClient(RetryPolicy.CreateHandler(options, apiKey: null));
        _apiHttp.BaseAddress = options.BaseAddress;
        _apiHttp.Timeout = options.RequestTimeout;
        // A download's length is the clip's, not an API call's: it is bounded by cancellation instead.
        _downloadHttp.Timeout = Timeout.InfiniteTimeSpan;
        _logger = options.LoggerFactory?.CreateLogger<OpperVideoClient>() ?? NullLogger<OpperVideoClient>.Instance;
        Api = RestService.ForGenerated<IOpperVideosApi>(_apiHttp, RefitSettings.ForJsonContext(OpperJsonContext.Default));
        _waiter = new JobWaiter(GetStatusAsync, options.Polling, options.TimeProvider, _logger);
        _downloader = new VideoDownloader(_downloadHttp, GetStatusAsync, options.MaxDownloadAttempts, options.TimeProvider, _logger);
    }

    /// <summary>The raw Refit interface, for calls this client does not wrap.</summary>
    public IOpperVideosApi Api { get; }

    /// <summary>
    /// Starts a paid generation job (<c>POST /v3/videos</c>). The request is validated first (unless
    /// <see cref="OpperVideoClientOptions.ValidateRequests"/> is off) so a bad one costs nothing. Never retried automatically.
    /// </summary>
    /// <param name="request">A typed request (e.g. <c>Sora2Request</c>) or a <see cref="VideoRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the call; a job whose POST already reached Opper may still run.</param>
    /// <returns>The job id and status URL.</returns>
    /// <exception cref="OpperValidationException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="OpperApiException">Opper rejected the request (400, 401, 402 wallet empty, 404, 429, 5xx).</exception>
    public async Task<VideoJob> SubmitAsync(IVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wire = request.ToWireRequest();
        if (_options.ValidateRequests)
        {
            var problems = VideoRequestValidator.Check(wire, request.ModelSpec, request.AdditionalParameterKeys, _options.Models ?? VideoModelCatalog.Default, out var notices);
            if (problems is [var first, ..])
            {
                throw first;
            }

            foreach (var notice in notices ?? [])
            {
                // Sent as is: the live catalog may be newer than this build's snapshot, or the key is a deliberate escape hatch.
                _logger.Log(notice.Level, "{Notice}", notice.Message);
            }
        }

        using var activity = OpperTelemetry.Source.StartActivity("opper.video.submit");
        activity?.SetTag("opper.model", wire.Model);
        var job = await UnwrapAsync(Api.SubmitAsync(wire, cancellationToken), jobId: null).ConfigureAwait(false);
        activity?.SetTag("opper.job_id", job.Id);
        _logger.LogInformation("Submitted video job {JobId} for model {Model}", job.Id, wire.Model);
        return job;
    }

    /// <summary>Polls a job once (<c>GET /v3/artifacts/{id}/status</c>).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status; <see cref="VideoStatus.State"/> tells whether it is done.</returns>
    /// <exception cref="OpperApiException">Opper answered with an error (404: no such job).</exception>
    public async Task<VideoStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var status = await UnwrapAsync(Api.GetStatusAsync(jobId, cancellationToken), jobId).ConfigureAwait(false);
        status.Id ??= jobId;
        return status;
    }

    /// <summary>
    /// Polls until the job completes or fails. Works for any job id, so a job started elsewhere (or before a crash)
    /// can be resumed. Delays and the overall timeout come from <see cref="OpperVideoClientOptions.Polling"/>.
    /// </summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="progress">Receives a report after each poll.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running).</param>
    /// <returns>The completed status, with the download URL.</returns>
    /// <exception cref="VideoGenerationFailedException">The provider reported failure.</exception>
    /// <exception cref="VideoGenerationTimeoutException">Still running after the timeout; carries the job id.</exception>
    public async Task<VideoStatus> WaitForCompletionAsync(string jobId, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        using var activity = OpperTelemetry.Source.StartActivity("opper.video.wait");
        activity?.SetTag("opper.job_id", jobId);
        return await _waiter.WaitAsync(jobId, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a completed job's clip. The file is written as <c>path.partial</c> and renamed when whole, so
    /// <paramref name="path"/> never holds a partial clip; a broken transfer is resumed, an expired URL refreshed by polling again.
    /// </summary>
    /// <param name="completed">A status whose <see cref="VideoStatus.State"/> is <see cref="VideoJobState.Completed"/>.</param>
    /// <param name="path">The destination; replaced if it exists.</param>
    /// <param name="progress">Receives byte counts.</param>
    /// <param name="cancellationToken">Stops the download; no file is left behind.</param>
    /// <exception cref="ArgumentException">The status is not completed or has no URL.</exception>
    /// <exception cref="OpperApiException">The storage host refused the download even after refreshing the URL.</exception>
    public async Task DownloadToFileAsync(VideoStatus completed, string path, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var activity = OpperTelemetry.Source.StartActivity("opper.video.download");
        activity?.SetTag("opper.job_id", completed.Id);
        await _downloader.DownloadAsync(completed, path, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits, waits and downloads: the whole generation in one call.</summary>
    /// <param name="request">The request.</param>
    /// <param name="path">Where the clip goes.</param>
    /// <param name="progress">Receives every phase: submitted, processing, downloading, completed.</param>
    /// <param name="cancellationToken">Stops at any phase; no file is left behind (a submitted job keeps running).</param>
    /// <returns>The completed status; its <see cref="VideoStatus.Id"/> names the job.</returns>
    /// <exception cref="OpperValidationException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="OpperApiException">Opper answered with an error.</exception>
    /// <exception cref="VideoGenerationFailedException">The provider reported failure.</exception>
    /// <exception cref="VideoGenerationTimeoutException">Still running after the timeout; carries the job id.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist; checked before anything is sent.</exception>
    /// <exception cref="IOException"><paramref name="path"/> is a folder (checked before anything is sent), or the file could not be written.</exception>
    /// <exception cref="InvalidDataException">The downloaded bytes are not a whole clip after every attempt; nothing was written.</exception>
    public async Task<VideoStatus> GenerateToFileAsync(IVideoRequest request, string path, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // Before the paid POST: a clip that cannot be written must not be paid for.
        PartialFile.CheckDestination(path);
        var started = _options.TimeProvider.GetTimestamp();
        var job = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        progress?.Report(new VideoProgress(VideoProgressPhase.Submitted, job.Id, _options.TimeProvider.GetElapsedTime(started)));
        var completed = await WaitForCompletionAsync(job.Id, progress, cancellationToken).ConfigureAwait(false);
        await DownloadToFileAsync(completed, path, progress, cancellationToken).ConfigureAwait(false);
        return completed;
    }

    /// <summary>Reads one page of the model catalog (<c>GET /v3/videos/models</c>).</summary>
    /// <param name="capability">Only models with this capability (<c>video_generation</c>, <c>image_to_video</c>, <c>video_editing</c>).</param>
    /// <param name="query">Free-text filter.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="offset">Index of the first model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public Task<VideoModelList> ListModelsAsync(string? capability = null, string? query = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        UnwrapAsync(Api.ListModelsAsync(query, capability, limit, offset, cancellationToken), jobId: null);

    /// <summary>
    /// Reads the whole catalog, every page, as the JSON the server sent: <c>{"models":[…],"total","offset":0,"limit"}</c>.
    /// This is what <c>schema/videos-models.json</c> holds; <c>opper-typed catalog pull</c> writes it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The merged snapshot.</returns>
    public async Task<System.Text.Json.Nodes.JsonObject> GetCatalogSnapshotAsync(CancellationToken cancellationToken = default)
    {
        const int PageSize = 100;
        var models = new System.Text.Json.Nodes.JsonArray();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await UnwrapAsync(Api.ListModelsJsonAsync(PageSize, offset, cancellationToken), jobId: null).ConfigureAwait(false);
            var pageModels = page["models"] as System.Text.Json.Nodes.JsonArray ?? [];
            var received = pageModels.Count;
            foreach (var model in pageModels.ToArray())
            {
                pageModels.Remove(model);
                models.Add(model);
            }

            var total = page["total"]?.GetValue<int>() ?? 0;
            // Stop at the end of the list, or at an empty page (a server that under-reports total must not loop forever).
            if (received == 0 || models.Count >= total)
            {
                return new System.Text.Json.Nodes.JsonObject { ["models"] = models, ["total"] = models.Count, ["offset"] = 0, ["limit"] = models.Count };
            }
        }
    }

    /// <summary>Disposes the HTTP clients this instance created (not ones supplied by <see cref="IHttpClientFactory"/>).</summary>
    public void Dispose()
    {
        if (_ownsHttpClients)
        {
            _apiHttp.Dispose();
            _downloadHttp.Dispose();
        }
    }

    private async Task<T> UnwrapAsync<T>(Task<IApiResponse<T>> call, string? jobId)
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
            throw ApiErrorMapper.Map(status, (response.Error as ApiException)?.Content, response.Headers, jobId, secret: _apiKey);
        }

        throw new OpperApiException(
            status, "invalid_response", $"the {typeof(T).Name} body could not be read ({response.Error?.InnerException?.Message ?? "empty body"})",
            "The server is not speaking the Opper v3 API: check OpperVideoClientOptions.BaseAddress.", jobId: jobId);
    }
}
