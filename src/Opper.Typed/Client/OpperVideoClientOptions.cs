using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Settings of an <see cref="OpperVideoClient"/>. Creating one reads nothing and never throws: a setting left
/// unset falls back to the environment (<c>OPPER_API_KEY</c>, <c>OPPER_BASE_URL</c>) when the client is created,
/// and the client's constructor checks everything, naming the setting to fix.
/// </summary>
public sealed class OpperVideoClientOptions
{
    /// <summary>The environment variable the API key is read from when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyVariable = "OPPER_API_KEY";

    /// <summary>The environment variable the base address is read from when <see cref="BaseAddress"/> is not set.</summary>
    public const string BaseAddressVariable = "OPPER_BASE_URL";

    /// <summary>The public Opper API.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.opper.ai");

    /// <summary>
    /// The API key sent as <c>Authorization: Bearer</c> to the API host only. When null, the client reads <c>OPPER_API_KEY</c>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API's base address. When null, the client reads <c>OPPER_BASE_URL</c>, else uses <c>https://api.opper.ai</c>.
    /// Plain <c>http</c> is accepted for loopback addresses only (the emulator), so a key never crosses a network unencrypted.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How jobs are polled. Never null: change its properties.</summary>
    public VideoPollingOptions Polling { get; } = new();

    /// <summary>How failed GETs are retried (POST is never retried: a second POST is a second paid job). Never null: change its properties.</summary>
    public VideoRetryOptions Retry { get; } = new();

    /// <summary>
    /// Timeout of one attempt of one API call: each retry of a poll gets its own (not a whole job; see
    /// <see cref="VideoPollingOptions.Timeout"/>). Default 100 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How many times a broken download is resumed (with <c>Range</c> where the host supports it, else restarted)
    /// and an expired download URL refreshed by polling again. Default 4.
    /// </summary>
    public int MaxDownloadAttempts { get; set; } = 4;

    /// <summary>
    /// How long one read of a download may wait for bytes. A host that stops sending without closing the connection
    /// counts as a broken connection after this long: a file download resumes (a download attempt is spent), a
    /// stream from <see cref="VideoGenerationOperation.OpenReadAsync"/> throws an <see cref="IOException"/> naming the
    /// job. Default 30 s; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan DownloadStallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most connections the client opens to one host (the API, and the download host, each). Requests beyond it wait
    /// for a free connection, so a thousand jobs do not open a thousand sockets. Over HTTP/2, which the client uses when
    /// the server offers it, one connection carries many requests. Default 64.
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = 64;

    /// <summary>
    /// The models an untyped <see cref="VideoRequest"/> is validated against: pass your project's generated
    /// <c>OpperVideoModels.Catalog</c>. When null, <see cref="VideoModelCatalog.Default"/>. Typed requests carry their own spec.
    /// </summary>
    public IVideoModelCatalog? Models { get; set; }

    /// <summary>
    /// A limit on what this client may spend in a rolling window, checked before each POST
    /// (<see cref="OpperBudgetExceededException"/>, nothing sent, when a job would pass it); null (the default) for none.
    /// </summary>
    public VideoBudget? Budget { get; set; }

    /// <summary>Whether <see cref="OpperVideoClient.StartGenerationAsync"/> validates the request before sending. On by default.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>
    /// Whether local media (<see cref="MediaInput.FromFile"/>, <see cref="MediaInput.FromBytes"/>) is uploaded to Opper's
    /// Files and sent as its file id where inline bytes would not do: for a provider that takes no data-URI, or above
    /// <see cref="InlineMediaMaxBytes"/>. Default <see cref="MediaUploadMode.Auto"/>. The request is validated first, so a
    /// bad one uploads nothing; the same bytes are uploaded once per client while the file lives.
    /// </summary>
    public MediaUploadMode MediaUpload { get; set; } = MediaUploadMode.Auto;

    /// <summary>
    /// The largest local media (raw bytes) sent inline as a data-URI with <see cref="MediaUploadMode.Auto"/>; larger media is
    /// uploaded even for a provider that takes data-URIs. Default 8 MiB: a data-URI is a third larger than its bytes and
    /// travels inside the JSON body of the paid POST (and of every durable job's stored copy), where an upload streams once.
    /// </summary>
    public long InlineMediaMaxBytes { get; set; } = DefaultInlineMediaMaxBytes;

    /// <summary>The default of <see cref="InlineMediaMaxBytes"/>: 8 MiB.</summary>
    public const long DefaultInlineMediaMaxBytes = 8L * 1024 * 1024;

    /// <summary>The clock for polling delays and timeouts; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Creates the client's <see cref="Meter"/> (named <c>Opper.Typed</c>); dependency injection passes the host's.
    /// When null, one process-wide meter of that name is used.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>A description with the key redacted.</summary>
    public override string ToString() =>
        $"OpperVideoClientOptions {{ BaseAddress = {BaseAddress?.ToString() ?? "(from " + BaseAddressVariable + ")"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")} }}";
}
