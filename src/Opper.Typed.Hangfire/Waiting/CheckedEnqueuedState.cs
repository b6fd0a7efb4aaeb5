using Hangfire.States;

namespace Opper.Typed.Hangfire;

/// <summary>
/// The checker's move of a job it found completed: queued for its download step, carrying what the wait saw, which the
/// steps' state filter writes into the record (now Downloading) inside this state change.
/// </summary>
internal sealed class CheckedEnqueuedState(string queue, int checks, DateTimeOffset? lastSeenRunningAt) : EnqueuedState(queue)
{
    public int Checks => checks;

    public DateTimeOffset? LastSeenRunningAt => lastSeenRunningAt;
}
