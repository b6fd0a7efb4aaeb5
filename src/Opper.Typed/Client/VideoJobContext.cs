using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// What a client's operations share: its settings, its two HTTP clients (the API one carries the key, the download
/// one never does), the pieces that submit, poll and download, the logger and the metrics.
/// </summary>
internal sealed class VideoJobContext
{
    private readonly Uri _apiBase;

    public VideoJobContext(ClientSettings settings, HttpClient api, HttpClient download, ILogger logger, OpperMetrics metrics)
    {
        Settings = settings;
        Logger = logger;
        Metrics = metrics;
        // A base address with a path (a gateway's /opper) keeps it: relative paths are resolved below it, not beside it.
        _apiBase = settings.BaseAddress.AbsoluteUri.EndsWith('/') ? settings.BaseAddress : new Uri(settings.BaseAddress.AbsoluteUri + "/");
        Submitter = new JobSubmitter(api, ApiUri("v3/videos"), settings.ApiKey);
        Poller = new StatusPoller(api, settings.Retry, settings.Time, logger, settings.ApiKey);
        Downloader = new VideoDownloader(download, PollByIdAsync, settings.MaxDownloadAttempts, settings.DownloadStallTimeout, settings.Time, logger);
        StreamOpener = new ClipStreamOpener(download, PollByIdAsync, settings.MaxDownloadAttempts, settings.DownloadStallTimeout, settings.Time, logger);
    }

    public ClientSettings Settings { get; }

    public ILogger Logger { get; }

    public OpperMetrics Metrics { get; }

    public JobSubmitter Submitter { get; }

    public StatusPoller Poller { get; }

    public VideoDownloader Downloader { get; }

    public ClipStreamOpener StreamOpener { get; }

    public Uri ApiUri(string relative) => new(_apiBase, relative);

    /// <summary>The documented status resource of a job, on the API host.</summary>
    public Uri FallbackStatusUri(string jobId) => ApiUri($"v3/artifacts/{Uri.EscapeDataString(jobId)}/status");

    /// <summary>
    /// Where to poll a job: the <c>status_url</c> the API returned when it is on the API's own origin (the key goes
    /// nowhere else), else the documented path. Said once per operation, in the log.
    /// </summary>
    public Uri ChooseStatusUri(string jobId, string? statusUrl)
    {
        if (string.IsNullOrWhiteSpace(statusUrl))
        {
            Logger.LogDebug("Video job {JobId} has no status_url (rehydrated by id, or the API sent none); polling {Path}", jobId, FallbackStatusUri(jobId).AbsolutePath);
            return FallbackStatusUri(jobId);
        }

        if (Uri.TryCreate(_apiBase, statusUrl, out var resolved) && IsSameOrigin(resolved, _apiBase))
        {
            return resolved;
        }

        Logger.LogWarning(
            "The status_url of video job {JobId} is not on the API's origin {Origin}, so the API key is not sent there; polling {Path} on the API host instead",
            jobId, _apiBase.GetLeftPart(UriPartial.Authority), FallbackStatusUri(jobId).AbsolutePath);
        return FallbackStatusUri(jobId);
    }

    public Task<VideoStatus> PollByIdAsync(string jobId, CancellationToken cancellationToken) =>
        Poller.PollAsync(FallbackStatusUri(jobId), jobId, cancellationToken);

    private static bool IsSameOrigin(Uri candidate, Uri api) =>
        candidate.IsAbsoluteUri
        && Uri.Compare(candidate, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
