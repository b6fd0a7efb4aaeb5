using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// What the Processing state change read for the step it starts: the record, and whether that change set the submit
/// mark for this run, so the step reads nothing again and knows a mark it finds is its own, not one a dead or parallel
/// run left. Hangfire's worker applies Processing and runs the job's perform filters on one thread (the job method
/// itself may run on another, Hangfire's task scheduler's): the state filter leaves it on that thread, and its
/// <c>OnPerforming</c> moves it into the perform context's items, where the step finds it.
/// </summary>
internal static class ProcessingHandoff
{
    /// <summary>The perform context item that carries it to the step.</summary>
    public const string Item = "Opper.Processing";

    [ThreadStatic]
    private static Handoff? t_left;

    /// <summary>Left by the state filter inside the Processing change.</summary>
    public static void Leave(string key, VideoJobRecord record, bool marked) => t_left = new(key, record, marked);

    /// <returns>What the Processing change of job <paramref name="key"/> left on this thread; null when it left nothing (a step run another way).</returns>
    public static Handoff? Take(string key)
    {
        var left = t_left;
        t_left = null;
        return left?.Key == key ? left : null;
    }

    /// <param name="Key">The job's key.</param>
    /// <param name="Record">Its record as the Processing change left it.</param>
    /// <param name="Marked">The change set the submit mark for this run: its POST may leave.</param>
    internal sealed record Handoff(string Key, VideoJobRecord Record, bool Marked);
}
