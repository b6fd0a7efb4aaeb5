namespace Opper.Typed;

/// <summary>
/// What a client runs with: its options with the environment applied, checked, and copied, so neither a later change
/// to the options object (which dependency injection shares) nor the environment changes a client already made.
/// </summary>
internal sealed record ClientSettings(
    string ApiKey,
    Uri BaseAddress,
    VideoPollingOptions Polling,
    VideoRetryOptions Retry,
    TimeSpan RequestTimeout,
    int MaxDownloadAttempts,
    TimeSpan DownloadStallTimeout,
    int MaxConnectionsPerServer,
    IVideoModelCatalog? Models,
    bool ValidateRequests,
    TimeProvider Time,
    MediaUploadMode MediaUpload = MediaUploadMode.Auto,
    long InlineMediaMaxBytes = OpperVideoClientOptions.DefaultInlineMediaMaxBytes)
{
    /// <summary>The spending limit, copied from the options; null for none.</summary>
    public VideoBudget? Budget { get; init; }

    /// <summary>Where the budget's reservations are kept when not in the client (the durable jobs' storage); null: in the client.</summary>
    public IVideoBudgetLedger? BudgetLedger { get; init; }

    /// <summary>Applies the environment and checks the result.</summary>
    /// <exception cref="InvalidOperationException">Something is missing or invalid; the message names every such setting.</exception>
    public static ClientSettings Resolve(OpperVideoClientOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = FindProblems(options, environment, out var apiKey, out var baseAddress);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        return new ClientSettings(
            apiKey!, baseAddress!, options.Polling.Clone(), options.Retry.Clone(), options.RequestTimeout, options.MaxDownloadAttempts, options.DownloadStallTimeout,
            options.MaxConnectionsPerServer, options.Models, options.ValidateRequests, options.TimeProvider,
            options.MediaUpload, options.InlineMediaMaxBytes)
        {
            Budget = options.Budget?.Clone(),
        };
    }

    /// <summary>Every problem of the options, one sentence each naming the setting (and the environment variable it falls back to).</summary>
    public static List<string> FindProblems(OpperVideoClientOptions options, Func<string, string?> environment) =>
        FindProblems(options, environment, out _, out _);

    private static List<string> FindProblems(OpperVideoClientOptions options, Func<string, string?> environment, out string? apiKey, out Uri? baseAddress)
    {
        var problems = new List<string>();
        apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? environment(OpperVideoClientOptions.ApiKeyVariable) : options.ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            problems.Add(
                $"No Opper API key: set the {OpperVideoClientOptions.ApiKeyVariable} environment variable or OpperVideoClientOptions.ApiKey (configuration key ApiKey). For local tests start the emulator (OpperEmulator.StartAsync) and use its base address.");
        }

        baseAddress = options.BaseAddress ?? ReadBaseAddress(environment, problems);
        if (baseAddress is not null)
        {
            CheckBaseAddress(baseAddress, problems);
        }

        options.Polling.FindProblems(problems);
        options.Retry.FindProblems(problems);
        options.Budget?.FindProblems(problems);
        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            problems.Add($"OpperVideoClientOptions.RequestTimeout must be more than zero (or Timeout.InfiniteTimeSpan); got {options.RequestTimeout}.");
        }

        if (options.DownloadStallTimeout <= TimeSpan.Zero && options.DownloadStallTimeout != Timeout.InfiniteTimeSpan)
        {
            problems.Add($"OpperVideoClientOptions.DownloadStallTimeout must be more than zero (or Timeout.InfiniteTimeSpan); got {options.DownloadStallTimeout}.");
        }

        if (options.MaxConnectionsPerServer < 1)
        {
            problems.Add($"OpperVideoClientOptions.MaxConnectionsPerServer must be 1 or more; got {options.MaxConnectionsPerServer}.");
        }

        if (options.MaxDownloadAttempts < 1)
        {
            problems.Add($"OpperVideoClientOptions.MaxDownloadAttempts must be 1 or more; got {options.MaxDownloadAttempts}.");
        }

        if (options.InlineMediaMaxBytes < 0)
        {
            problems.Add($"OpperVideoClientOptions.InlineMediaMaxBytes must be zero or more; got {options.InlineMediaMaxBytes}.");
        }

        if (!Enum.IsDefined(options.MediaUpload))
        {
            problems.Add($"OpperVideoClientOptions.MediaUpload must be Auto or Never; got {options.MediaUpload}.");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("OpperVideoClientOptions.TimeProvider must not be null; use TimeProvider.System.");
        }

        return problems;
    }

    private static Uri? ReadBaseAddress(Func<string, string?> environment, List<string> problems)
    {
        var configured = environment(OpperVideoClientOptions.BaseAddressVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return OpperVideoClientOptions.DefaultBaseAddress;
        }

        if (Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        problems.Add($"{OpperVideoClientOptions.BaseAddressVariable} '{configured}' is not an absolute URL, e.g. https://api.opper.ai.");
        return null;
    }

    private static void CheckBaseAddress(Uri address, List<string> problems)
    {
        if (!address.IsAbsoluteUri)
        {
            problems.Add($"OpperVideoClientOptions.BaseAddress '{address}' must be an absolute URL, e.g. https://api.opper.ai.");
            return;
        }

        var isHttps = address.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = address.Scheme == Uri.UriSchemeHttp && address.IsLoopback;
        if (!isHttps && !isLoopbackHttp)
        {
            problems.Add(
                $"OpperVideoClientOptions.BaseAddress '{address}' must use https; plain http is allowed only for loopback addresses such as the emulator.");
        }
    }
}
