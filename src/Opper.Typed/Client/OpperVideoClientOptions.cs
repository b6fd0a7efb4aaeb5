using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>Settings of an <see cref="OpperVideoClient"/>. Defaults come from the environment.</summary>
public sealed class OpperVideoClientOptions
{
    /// <summary>The environment variable the API key is read from.</summary>
    public const string ApiKeyVariable = "OPPER_API_KEY";

    /// <summary>The environment variable the base address is read from.</summary>
    public const string BaseAddressVariable = "OPPER_BASE_URL";

    /// <summary>The public Opper API.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.opper.ai");

    /// <summary>The API key sent as <c>Authorization: Bearer</c> to the API host only. Defaults to <c>OPPER_API_KEY</c>.</summary>
    public string? ApiKey { get; set; } = Environment.GetEnvironmentVariable(ApiKeyVariable);

    /// <summary>
    /// The API's base address. Defaults to <c>OPPER_BASE_URL</c>, else <c>https://api.opper.ai</c>.
    /// Plain <c>http</c> is accepted for loopback addresses only (the emulator), so a key never crosses a network unencrypted.
    /// </summary>
    public Uri BaseAddress { get; set; } = ReadBaseAddress();

    /// <summary>How jobs are polled.</summary>
    public VideoPollingOptions Polling { get; set; } = new();

    /// <summary>How failed GETs are retried (POST is never retried: a second POST is a second paid job).</summary>
    public VideoRetryOptions Retry { get; set; } = new();

    /// <summary>Timeout of one API call (not of a whole job; see <see cref="VideoPollingOptions.Timeout"/>).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How many times a broken download is resumed (with <c>Range</c> where the host supports it, else restarted)
    /// and an expired download URL refreshed by polling again.
    /// </summary>
    public int MaxDownloadAttempts { get; set; } = 4;

    /// <summary>
    /// The models an untyped <see cref="VideoRequest"/> is validated against: pass your project's generated
    /// <c>OpperVideoModels.Catalog</c>. When null, <see cref="VideoModelCatalog.Default"/>. Typed requests carry their own spec.
    /// </summary>
    public IVideoModelCatalog? Models { get; set; }

    /// <summary>Whether <see cref="OpperVideoClient.SubmitAsync"/> validates the request before sending. On by default.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>The clock for polling delays and timeouts; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>A description with the key redacted.</summary>
    public override string ToString() =>
        $"OpperVideoClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")} }}";

    /// <summary>Checks the options and returns the key; the messages name the setting to change.</summary>
    internal string Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new InvalidOperationException(
                $"No Opper API key: set the {ApiKeyVariable} environment variable or OpperVideoClientOptions.ApiKey. For local tests start the emulator (OpperEmulator.StartAsync) and use its base address.");
        }

        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new InvalidOperationException($"OpperVideoClientOptions.BaseAddress must be an absolute URL (or set {BaseAddressVariable}).");
        }

        var isHttps = BaseAddress.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = BaseAddress.Scheme == Uri.UriSchemeHttp && BaseAddress.IsLoopback;
        if (!isHttps && !isLoopbackHttp)
        {
            throw new InvalidOperationException(
                $"OpperVideoClientOptions.BaseAddress '{BaseAddress}' must use https; plain http is allowed only for loopback addresses such as the emulator.");
        }

        Polling.Validate();
        Retry.Validate();
        return ApiKey;
    }

    private static Uri ReadBaseAddress()
    {
        var configured = Environment.GetEnvironmentVariable(BaseAddressVariable);
        return string.IsNullOrWhiteSpace(configured) ? DefaultBaseAddress
            : Uri.TryCreate(configured, UriKind.Absolute, out var uri) ? uri
            : throw new InvalidOperationException($"{BaseAddressVariable} '{configured}' is not an absolute URL.");
    }
}
