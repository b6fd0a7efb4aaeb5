using System.Collections;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Opper.Typed.Tests.Support;

/// <summary>
/// Captures every log entry with its structured state flattened the way a JSON sink (Serilog, OpenTelemetry) would
/// write it: each key and each value, enumerating values that are collections, rather than the formatted message only.
/// </summary>
internal sealed class StructuredLogSink : ILoggerProvider
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static string Flatten(object? value, int depth = 0)
    {
        if (value is null || depth > 4)
        {
            return "";
        }

        if (value is string text)
        {
            return text;
        }

        var builder = new StringBuilder();
        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, item) in pairs)
            {
                builder.Append(key).Append('=').Append(Flatten(item, depth + 1)).Append(';');
            }
        }
        else if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                builder.Append(Flatten(item, depth + 1)).Append(',');
            }
        }

        return builder.Append(value).ToString();
    }

    internal sealed record LogEntry(string Category, LogLevel Level, string Text, string State);

    private sealed class Logger(StructuredLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new LogEntry(category, logLevel, formatter(state, exception) + exception, Flatten(state));
            lock (sink._entries)
            {
                sink._entries.Add(entry);
            }
        }
    }
}
