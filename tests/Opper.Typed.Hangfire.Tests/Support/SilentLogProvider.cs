using Hangfire.Logging;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>
/// Hangfire logs through one process-wide provider, and AddHangfire points it at the host's logger factory; once a
/// test's host is disposed, the next test's storage would log into a disposed factory. Tests log nothing instead.
/// </summary>
internal sealed class SilentLogProvider : ILogProvider
{
    public ILog GetLogger(string name) => Silent.Instance;

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
