namespace Opper.Typed;

/// <summary>How long jobs of one shape took, as learned from the ones this client saw finish.</summary>
/// <param name="Mean">The expected time from submission to completion.</param>
/// <param name="Spread">Its standard deviation, floored so a few alike jobs do not make the schedule overconfident.</param>
/// <param name="Jobs">How many finished jobs it is learned from.</param>
internal readonly record struct CompletionEstimate(TimeSpan Mean, TimeSpan Spread, int Jobs);
