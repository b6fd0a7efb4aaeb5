using System.Runtime.CompilerServices;
using Hangfire.States;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// A record a step leaves for the Hangfire state change its outcome leads to (waiting, a re-run, the end): the steps'
/// state filter writes it inside that change, so the outcome and the record land together, under the job state lock,
/// or not at all when a Delete or requeue moved the job first.
/// </summary>
/// <param name="Key">The job's key.</param>
/// <param name="Record">The record to write.</param>
/// <param name="PreviousState">The state the step read it in: the index set its row leaves.</param>
/// <param name="PreviousRow">The index row the step read; null when it read none.</param>
internal sealed record PendingRecord(string Key, VideoJobRecord Record, DurableVideoJobState PreviousState, string? PreviousRow)
{
    /// <summary>Which record goes with which elected state (Hangfire hands the elected state object on to be applied).</summary>
    private static readonly ConditionalWeakTable<IState, PendingRecord> Attached = new();

    /// <summary>Has <paramref name="pending"/> written when <paramref name="state"/> is applied.</summary>
    public static void Attach(IState state, PendingRecord? pending)
    {
        if (pending is not null)
        {
            Attached.AddOrUpdate(state, pending);
        }
    }

    /// <returns>The record to write with <paramref name="state"/>; null when none goes with it.</returns>
    public static PendingRecord? Take(IState state) =>
        Attached.TryGetValue(state, out var pending) && Attached.Remove(state) ? pending : null;
}
