namespace Opper.Typed.Hangfire;

/// <summary>What a durable job's record says when a check or a download step ends it: one text for both.</summary>
internal static class WaitMessages
{
    public static string NotFound(string opperJobId, string key) =>
        $"Opper does not know job {opperJobId} (404): this worker's OPPER_BASE_URL or key is not the one it was submitted with. Fix that, then IVideoJobScheduler.ResumeAsync(\"{key}\").";

    /// <summary>A failure as a record's error quotes it: the exception's type and message.</summary>
    public static string What(Exception exception) => $"{exception.GetType().Name}: {exception.Message.TrimEnd('.')}";

    /// <summary>Why a delivered job ended without its completion handlers hearing of it.</summary>
    public static string HandlersGaveUp(string? error, int failures, string what) =>
        $"{error} The completion handlers failed {failures} times; last: {what}.".TrimStart();

    public static string KeepsFailing(string key, int failures, DurableVideoJobState doing, string what, string? opperJobId) =>
        $"The step failed {failures} times in a row while {doing}; last: {what}." + (opperJobId is null ? ""
            : $" Opper job {opperJobId} keeps its clip while Opper does: fix the cause, then IVideoJobScheduler.ResumeAsync(\"{key}\").");

    public static string ProviderFailed(string opperJobId, string? error) =>
        $"The provider failed Opper job {opperJobId}: {error ?? "no reason given"}.";
}
