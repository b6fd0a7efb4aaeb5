using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// What a client's operations share: its settings, its HTTP clients (the API ones carry the key, the download
/// one never does), the pieces that submit, poll, download and upload, the logger and the metrics.
/// </summary>
internal sealed class VideoJobContext
{
    private readonly Uri _apiBase;

    public VideoJobContext(ClientSettings settings, VideoHttpClients http, ILogger logger, OpperMetrics metrics)
    {
        Settings = settings;
        Logger = logger;
        Metrics = metrics;
        // A base address with a path (a gateway's /opper) keeps it: relative paths are resolved below it, not beside it.
        _apiBase = settings.BaseAddress.AbsoluteUri.EndsWith('/') ? settings.BaseAddress : new Uri(settings.BaseAddress.AbsoluteUri + "/");
        Submitter = new JobSubmitter(http.Submit, ApiUri("v3/videos"), settings.ApiKey);
        Poller = new StatusPoller(http.Api, settings.Retry, settings.Time, logger, settings.ApiKey);
        Downloader = new VerifiedDownloader(http.Download, settings.MaxDownloadAttempts, settings.DownloadStallTimeout, settings.Time, logger);
        StreamOpener = new DownloadStreamOpener(http.Download, settings.MaxDownloadAttempts, settings.DownloadStallTimeout, settings.Time, logger);
        Files = new FilesApi(http.Api, new FileUploader(http.Upload, ApiUri("v3/files"), settings), ApiUri, settings.ApiKey);
        MediaUploads = new MediaUploads(Files.Uploader, settings);
        Budget = new BudgetGuard(settings.Budget, settings.BudgetLedger ?? new InMemoryBudgetLedger(), settings.Time, metrics);
    }

    public ClientSettings Settings { get; }

    /// <summary>How long this client's jobs took, per shape: what the adaptive polling schedule learns from.</summary>
    public CompletionHistory Completions { get; } = new();

    public ILogger Logger { get; }

    public OpperMetrics Metrics { get; }

    public JobSubmitter Submitter { get; }

    public StatusPoller Poller { get; }

    public VerifiedDownloader Downloader { get; }

    public DownloadStreamOpener StreamOpener { get; }

    /// <summary>The Files endpoints: uploads, and where stored files (a clip's stored output too) are downloaded from.</summary>
    public FilesApi Files { get; }

    /// <summary>Local media uploaded before a POST, once per content while the file lives.</summary>
    public MediaUploads MediaUploads { get; }

    /// <summary>A completed job's clip as a download: its URL, a fresh one by polling, else its stored output.</summary>
    public ClipSource ClipOf(VideoStatus completed) => new(completed, PollByIdAsync, Files);

    /// <summary>The spending limit every POST of this client passes (it only estimates when there is none).</summary>
    public BudgetGuard Budget { get; }

    public Uri ApiUri(string relative) => new(_apiBase, relative);

    /// <summary>The documented status resource of a job, on the API host.</summary>
    public Uri FallbackStatusUri(string jobId) => ApiUri($"v3/artifacts/{Uri.EscapeDataString(jobId)}/status");

    /// <summary>
    /// Where to poll a job: the <c>status_url</c> the API returned when it is on the API's own origin (the key goes
    /// nowhere else), else the documented path. Said once per operation, in the log.
    /// </summary>
    public Uri ChooseStatusUri(string jobId, string? statusUrl)
    {
        if (!string.IsNullOrWhiteSpace(statusUrl) && Uri.TryCreate(_apiBase, statusUrl, out var resolved) && IsSameOrigin(resolved, _apiBase))
        {
            return resolved;
        }

        var fallback = FallbackStatusUri(jobId);
        if (string.IsNullOrWhiteSpace(statusUrl))
        {
            Log.NoStatusUrl(Logger, jobId, fallback.AbsolutePath);
        }
        else
        {
            Log.ForeignStatusUrl(Logger, jobId, _apiBase.GetLeftPart(UriPartial.Authority), fallback.AbsolutePath);
        }

        return fallback;
    }

    public Task<VideoStatus> PollByIdAsync(string jobId, CancellationToken cancellationToken) =>
        Poller.PollAsync(FallbackStatusUri(jobId), jobId, cancellationToken);

    private static bool IsSameOrigin(Uri candidate, Uri api) =>
        candidate.IsAbsoluteUri
        && Uri.Compare(candidate, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
