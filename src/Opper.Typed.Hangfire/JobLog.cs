using Microsoft.Extensions.Logging;

namespace Opper.Typed.Hangfire;

/// <summary>The durable jobs' log lines (category <c>Opper.Typed.Hangfire.VideoJobSteps</c>), source-generated, with stable event ids from 101.</summary>
internal static partial class JobLog
{
    [LoggerMessage(101, LogLevel.Information, "Enqueued durable video job {Key} ({Model} -> {Destination})")]
    public static partial void Enqueued(ILogger logger, string key, string model, string destination);

    [LoggerMessage(103, LogLevel.Information, "Durable video job {Key} submitted as Opper job {OpperJobId}")]
    public static partial void Submitted(ILogger logger, string key, string opperJobId);

    [LoggerMessage(104, LogLevel.Critical, "Durable video job {Key} was accepted by Opper as {OpperJobId}, and the storage refused to record that id; the job will stop in NeedsAttention: resume it with ResumeAsync(\"{Key}\", \"{OpperJobId}\")")]
    public static partial void IdNotStored(ILogger logger, Exception exception, string key, string opperJobId);

    [LoggerMessage(105, LogLevel.Warning, "Durable video job {Key}: {Problem}")]
    public static partial void StepProblem(ILogger logger, string key, string problem);

    [LoggerMessage(106, LogLevel.Warning, "Durable video job {Key} needs attention: {Why}")]
    public static partial void NeedsAttention(ILogger logger, string key, string why);

    [LoggerMessage(107, LogLevel.Information, "Durable video job {Key} ended {State}")]
    public static partial void Ended(ILogger logger, string key, DurableVideoJobState state);

    [LoggerMessage(108, LogLevel.Warning, "Durable video job {Key}: the POST's answer was lost, and ResubmitUncertainSubmissions is on, so it is sent again (a second paid job if the first exists)")]
    public static partial void Resubmitting(ILogger logger, string key);

    [LoggerMessage(109, LogLevel.Information, "Durable video job {Key} already holds idempotency key {IdempotencyKey}: nothing new was enqueued")]
    public static partial void AlreadyEnqueued(ILogger logger, string key, string idempotencyKey);
}
