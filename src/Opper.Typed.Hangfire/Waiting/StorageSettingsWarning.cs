using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Opper.Typed.Hangfire;

/// <summary>
/// At start-up, warns when the storage would hold a killed worker's step (a submit or a download) back for more than
/// <see cref="Limit"/>: its invisibility timeout, as far as the storage tells it (Hangfire.PostgreSql writes its options
/// through <see cref="JobStorage.WriteOptionsToLog"/>; storages that say nothing are not guessed at).
/// </summary>
internal static partial class StorageSettingsWarning
{
    internal static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static void Check(JobStorage storage, Microsoft.Extensions.Logging.ILogger logger)
    {
        var lines = new List<string>();
        try
        {
            storage.WriteOptionsToLog(new Collector(lines));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A storage's own option dump is a courtesy; failing it says nothing about its settings.
            return;
        }

        foreach (var line in lines)
        {
            var match = TimeoutLine().Match(line);
            if (match.Success && TimeSpan.TryParse(match.Groups["value"].Value, CultureInfo.InvariantCulture, out var timeout) && timeout > Limit)
            {
                CheckerLog.SlowRecovery(logger, storage.GetType().Name, match.Groups["name"].Value.Trim(), timeout);
            }
        }
    }

    [GeneratedRegex(@"(?<name>[A-Za-z ]*(invisibility timeout|lock timeout|lock lifetime))\s*:\s*(?<value>[0-9.:]+?)\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeoutLine();

    private sealed class Collector(List<string> lines) : ILog
    {
        public bool Log(global::Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (messageFunc?.Invoke() is { } message)
            {
                lines.Add(message);
            }

            return true;
        }
    }
}
