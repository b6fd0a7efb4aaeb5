namespace Opper.Typed.Hangfire;

/// <summary>What a durable job's record says when a check or a download step ends it: one text for both.</summary>
internal static class WaitMessages
{
    public static string NotFound(string opperJobId, string key) =>
        $"Opper does not know job {opperJobId} (404): this worker's OPPER_BASE_URL or key is not the one it was submitted with. Fix that, then IVideoJobScheduler.ResumeAsync(\"{key}\").";

    public static string KeepsFailing(string key, int failures, DurableVideoJobState doing, string what, string? opperJobId) =>
        $"The step failed {failures} times in a row while {doing}; last: {what}." + (opperJobId is null ? ""
            : $" Opper job {opperJobId} keeps its clip while Opper does: fix the cause, then IVideoJobScheduler.ResumeAsync(\"{key}\").");

    public static string ProviderFailed(string opperJobId, string? error) =>
        $"The provider failed Opper job {opperJobId}: {error ?? "no reason given"}.";
}
