using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Every log line of the client, source-generated (<see cref="LoggerMessageAttribute"/>): a line whose level is off
/// costs a level check, with no argument array or boxing, and each line has a stable event id to filter on.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Message = "{Notice}")]
    public static partial void RequestNotice(ILogger logger, LogLevel level, string notice);

    [LoggerMessage(2, LogLevel.Information, "Submitted video job {JobId} for model {Model}")]
    public static partial void Submitted(ILogger logger, string jobId, string model);

    [LoggerMessage(3, LogLevel.Debug, "Video job {JobId} has no status_url (rehydrated by id, or the API sent none); polling {Path}")]
    public static partial void NoStatusUrl(ILogger logger, string jobId, string path);

    [LoggerMessage(4, LogLevel.Warning, "The status_url of video job {JobId} is not on the API's origin {Origin}, so the API key is not sent there; polling {Path} on the API host instead")]
    public static partial void ForeignStatusUrl(ILogger logger, string jobId, string origin, string path);

    [LoggerMessage(5, LogLevel.Warning, "Poll {Attempt} of video job {JobId} answered {Status} with a body that is not a status; polling again")]
    public static partial void UnreadableStatus(ILogger logger, int attempt, string jobId, int status);

    [LoggerMessage(6, LogLevel.Warning, "Video job {JobId} reported completed without a URL; polling again")]
    public static partial void CompletedWithoutUrl(ILogger logger, string jobId);

    [LoggerMessage(7, LogLevel.Information, "Video job {JobId} completed after {Elapsed}")]
    public static partial void Completed(ILogger logger, string jobId, TimeSpan elapsed);

    [LoggerMessage(8, LogLevel.Warning, "Video job {JobId} failed: {Error}")]
    public static partial void Failed(ILogger logger, string jobId, string? error);

    [LoggerMessage(9, LogLevel.Debug, "Video job {JobId} is {Status} after {Elapsed}")]
    public static partial void StillRunning(ILogger logger, string jobId, string? status, TimeSpan elapsed);

    [LoggerMessage(10, LogLevel.Information, "Download URL of {Download} was refused ({Status}); asking for a fresh one")]
    public static partial void DownloadUrlRefused(ILogger logger, string download, int status);

    [LoggerMessage(11, LogLevel.Warning, "Download host of {Download} answered a range from {From} for offset {Offset}; restarting")]
    public static partial void WrongRange(ILogger logger, string download, long? from, long offset);

    [LoggerMessage(12, LogLevel.Warning, "Download of {Download} ended but is not whole ({Problem}); restarting")]
    public static partial void NotWhole(ILogger logger, string download, string problem);

    [LoggerMessage(13, LogLevel.Information, "Download of {Download} broke off at {Bytes} bytes ({Cause}); {How}")]
    public static partial void BrokeOff(ILogger logger, string download, long bytes, string cause, string how);

    [LoggerMessage(14, LogLevel.Debug, "Polling video job {JobId} around {Expected} after submission, learned from {Jobs} finished jobs like it")]
    public static partial void PollingAround(ILogger logger, string jobId, TimeSpan expected, int jobs);
}
