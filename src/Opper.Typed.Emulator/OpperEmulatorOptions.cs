namespace Opper.Typed.Emulator;

/// <summary>How an <see cref="OpperEmulator"/> behaves.</summary>
public sealed class OpperEmulatorOptions
{
    /// <summary>The API listener's port on 127.0.0.1; 0 (the default) picks a free one. The download host always gets a free port.</summary>
    public int Port { get; set; }

    /// <summary>The only bearer token accepted. When null, any non-empty bearer token is accepted; a missing one is 401 either way.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long a job stays <c>processing</c> before it completes (or fails). Default 3 s; zero completes at the first poll.</summary>
    public TimeSpan JobDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>When true every job ends <c>failed</c> with <see cref="JobFailureError"/>.</summary>
    public bool FailJobs { get; set; }

    /// <summary>The provider error of a failed job.</summary>
    public string JobFailureError { get; set; } = "The provider rejected the request: content policy violation (emulated).";

    /// <summary>How long a download URL stays valid. Default 1 h, as Opper documents.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A catalog snapshot to serve instead of the built-in copy of <c>schema/videos-models.json</c>.</summary>
    public string? CatalogPath { get; set; }

    /// <summary>
    /// The models whose provider rules the emulator enforces (pass your project's generated <c>OpperVideoModels.Catalog</c>).
    /// When null: <see cref="VideoModelCatalog.Default"/> first, then the served snapshot read with the built-in parameters file.
    /// </summary>
    public IVideoModelCatalog? Models { get; set; }

    /// <summary>
    /// A file where the emulator keeps the jobs it created, so an emulator started again (in a process that was killed and
    /// restarted) still answers for them, each finishing on its own schedule. Null (the default) keeps them in memory.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>
    /// A file that gets one JSON line per request (host, method, path, query, body, status; the key redacted), appended
    /// as each answer starts: what <see cref="OpperEmulator.Requests"/> holds, for a test in another process to count
    /// POSTs. Null (the default) writes nothing.
    /// </summary>
    public string? RequestLogPath { get; set; }

    /// <summary>The clock for job progress and URL expiry.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The Files API's quota, upload size limit and file lifetime.</summary>
    public EmulatorFileOptions Files { get; set; } = new();

    /// <summary>Faults to inject, to test how a client survives a real network.</summary>
    public EmulatorFaults Faults { get; set; } = new();
}

/// <summary>Faults an <see cref="OpperEmulator"/> injects. All are off by default.</summary>
public sealed class EmulatorFaults
{
    /// <summary>The first N API <c>GET</c>s answer 429 with <c>Retry-After</c>.</summary>
    public int RateLimitFirstGets { get; set; }

    /// <summary>The <c>Retry-After</c> sent with injected 429s. Default 1 s.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Nth API request (1-based, any method) answers <see cref="ServerErrorStatus"/>.</summary>
    public int? ServerErrorOnRequest { get; set; }

    /// <summary>The status of the injected server error. Default 500.</summary>
    public int ServerErrorStatus { get; set; } = 500;

    /// <summary>Every API response waits this long first.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The first download's connection is dropped after this many bytes.</summary>
    public long? DropFirstDownloadAfterBytes { get; set; }

    /// <summary>The first download URL handed out has already expired; later polls hand out fresh ones.</summary>
    public bool FirstUrlExpired { get; set; }

    /// <summary>The download host ignores <c>Range</c> (no resume; a client must restart).</summary>
    public bool DisableRangeRequests { get; set; }

    /// <summary>The download host sends clips at about this many bytes a second (a slow network, or time to stop a process mid-download); null for full speed.</summary>
    public int? DownloadBytesPerSecond { get; set; }

    /// <summary>
    /// Each <c>POST /v3/videos</c> creates its job at once and holds its answer this long: a slow answer for a job that
    /// already exists, which is what a client sees when the connection drops or the process dies before the 202.
    /// </summary>
    public TimeSpan SubmitAnswerDelay { get; set; }
}
