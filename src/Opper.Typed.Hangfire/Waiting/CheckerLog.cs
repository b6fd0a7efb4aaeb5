using Microsoft.Extensions.Logging;

namespace Opper.Typed.Hangfire;

/// <summary>The checker's log lines (category <c>Opper.Typed.Hangfire.VideoJobChecker</c>), with stable event ids from 131.</summary>
internal static partial class CheckerLog
{
    [LoggerMessage(131, LogLevel.Warning, "{Storage}'s {Setting} is {Timeout}: a durable video job's submit or download that was running on a killed worker comes back only after that long. Set it to a few minutes at most (with a sliding invisibility timeout where the storage has one).")]
    public static partial void SlowRecovery(ILogger logger, string storage, string setting, TimeSpan timeout);

    [LoggerMessage(132, LogLevel.Warning, "Durable video job {Key}: checking Opper job {OpperJobId} failed ({Failures} in a row); again in {Delay}: {Problem}")]
    public static partial void CheckFailed(ILogger logger, string key, string opperJobId, int failures, TimeSpan delay, string problem);

    [LoggerMessage(133, LogLevel.Error, "The durable video jobs' checker failed a round; it starts another: {Problem}")]
    public static partial void RoundFailed(ILogger logger, Exception exception, string problem);

    [LoggerMessage(134, LogLevel.Warning, "Durable video job {Key} was waiting with no check planned (a worker stopped in the middle of a state change, or its commit failed part way, on a storage whose transactions are not atomic); it is checked now.")]
    public static partial void LostCheck(ILogger logger, string key);

    [LoggerMessage(135, LogLevel.Error, "The durable video jobs' checker could not look for waiting jobs without a planned check; it looks again in 5 minutes: {Problem}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, string problem);
}
