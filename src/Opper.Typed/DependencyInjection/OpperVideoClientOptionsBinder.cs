using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Opper.Typed;

/// <summary>
/// Binds a configuration section onto <see cref="OpperVideoClientOptions"/>, key by key. Written out rather than
/// reflection-bound so the library stays trimming- and AOT-safe, and so a value that does not parse is reported with
/// its full configuration key. Keys that are absent leave the option as it was.
/// </summary>
internal static class OpperVideoClientOptionsBinder
{
    private const string TimeSpanText = "a time span such as 00:00:05";
    private const string NumberText = "a number";

    private delegate bool Parser<T>(string text, out T value);

    public static void Bind(IConfiguration section, OpperVideoClientOptions options)
    {
        var problems = new List<string>();
        Read<string>(section, "ApiKey", problems, ParseText, "text", value => options.ApiKey = value);
        Read<Uri>(section, "BaseAddress", problems, ParseUri, "an absolute URL such as https://api.opper.ai", value => options.BaseAddress = value);
        Read<TimeSpan>(section, "RequestTimeout", problems, ParseTimeSpan, TimeSpanText, value => options.RequestTimeout = value);
        Read<int>(section, "MaxDownloadAttempts", problems, ParseInt, NumberText, value => options.MaxDownloadAttempts = value);
        Read<TimeSpan>(section, "DownloadStallTimeout", problems, ParseTimeSpan, TimeSpanText, value => options.DownloadStallTimeout = value);
        Read<int>(section, "MaxConnectionsPerServer", problems, ParseInt, NumberText, value => options.MaxConnectionsPerServer = value);
        Read<bool>(section, "ValidateRequests", problems, bool.TryParse, "true or false", value => options.ValidateRequests = value);
        Read<MediaUploadMode>(section, "MediaUpload", problems, ParseMediaUpload, "Auto or Never", value => options.MediaUpload = value);
        Read<long>(section, "InlineMediaMaxBytes", problems, ParseLong, NumberText, value => options.InlineMediaMaxBytes = value);

        var polling = section.GetSection("Polling");
        Read<TimeSpan>(polling, "FirstPollDelay", problems, ParseTimeSpan, TimeSpanText, value => options.Polling.FirstPollDelay = value);
        Read<TimeSpan>(polling, "Interval", problems, ParseTimeSpan, TimeSpanText, value => options.Polling.Interval = value);
        Read<double>(polling, "BackoffFactor", problems, ParseDouble, NumberText, value => options.Polling.BackoffFactor = value);
        Read<TimeSpan>(polling, "MaxInterval", problems, ParseTimeSpan, TimeSpanText, value => options.Polling.MaxInterval = value);
        Read<TimeSpan>(polling, "Timeout", problems, ParseTimeSpan, TimeSpanText, value => options.Polling.Timeout = value);
        Read<double>(polling, "Jitter", problems, ParseDouble, NumberText, value => options.Polling.Jitter = value);

        var retry = section.GetSection("Retry");
        Read<int>(retry, "MaxRetries", problems, ParseInt, NumberText, value => options.Retry.MaxRetries = value);
        Read<TimeSpan>(retry, "BaseDelay", problems, ParseTimeSpan, TimeSpanText, value => options.Retry.BaseDelay = value);
        Read<TimeSpan>(retry, "MaxRetryAfter", problems, ParseTimeSpan, TimeSpanText, value => options.Retry.MaxRetryAfter = value);
        BindBudget(section.GetSection("Budget"), options, problems);

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    /// <summary>
    /// <c>Budget:Limit</c>, <c>Budget:Window</c> and the price maps; a section with no keys leaves <see cref="OpperVideoClientOptions.Budget"/>
    /// as it was, so a host without a budget in its configuration has none.
    /// </summary>
    private static void BindBudget(IConfigurationSection section, OpperVideoClientOptions options, List<string> problems)
    {
        if (!section.GetChildren().Any())
        {
            return;
        }

        var budget = options.Budget ??= new VideoBudget();
        Read<decimal>(section, "Limit", problems, ParseDecimal, "an amount in US dollars such as 5 or 12.50", value => budget.Limit = value);
        Read<TimeSpan>(section, "Window", problems, ParseTimeSpan, TimeSpanText, value => budget.Window = value);
        ReadPrices(section.GetSection("PricePerSecond"), section.GetSection("PricePerSecond"), budget.PricePerSecond, problems);
        ReadPrices(section.GetSection("PricePerGeneration"), section.GetSection("PricePerGeneration"), budget.PricePerGeneration, problems);
    }

    /// <summary>
    /// Every price under <paramref name="root"/>, keyed by its path below it: a model id with a colon
    /// (<c>alibaba:eu/happyhorse-1.0-t2v</c>) is split into nested sections by configuration, and joined back here.
    /// </summary>
    private static void ReadPrices(IConfigurationSection root, IConfigurationSection section, IDictionary<string, decimal> prices, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            if (child.Value is null)
            {
                ReadPrices(root, child, prices, problems);
                continue;
            }

            var model = child.Path[(root.Path.Length + 1)..];
            Read<decimal>(section, child.Key, problems, ParseDecimal, "a price in US dollars such as 0.15", value => prices[model] = value);
        }
    }

    private static void Read<T>(IConfiguration section, string key, List<string> problems, Parser<T> parse, string expected, Action<T> assign)
    {
        var text = section[key];
        if (text is null)
        {
            return;
        }

        if (!parse(text.Trim(), out var value))
        {
            var path = section is IConfigurationSection named ? $"{named.Path}:{key}" : key;
            problems.Add($"Configuration value '{path}' = '{text}' is not {expected}.");
            return;
        }

        assign(value);
    }

    private static bool ParseText(string text, out string value)
    {
        value = text;
        return true;
    }

    private static bool ParseUri(string text, out Uri value) => Uri.TryCreate(text, UriKind.Absolute, out value!);

    private static bool ParseTimeSpan(string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    private static bool ParseInt(string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool ParseLong(string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    // Names only: Enum.TryParse would also take "1" or "7", a number no setting means.
    private static bool ParseMediaUpload(string text, out MediaUploadMode value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]);
    private static bool ParseDecimal(string text, out decimal value) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    private static bool ParseDouble(string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
