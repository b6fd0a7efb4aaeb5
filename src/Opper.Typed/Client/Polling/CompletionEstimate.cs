namespace Opper.Typed;

/// <summary>How long jobs of one shape took, as learned from the ones this client saw finish.</summary>
/// <param name="Mean">The expected time from submission to completion.</param>
/// <param name="Spread">Its standard deviation, floored so a few alike jobs do not make the schedule overconfident.</param>
/// <param name="Jobs">How many finished jobs it is learned from.</param>
internal readonly record struct CompletionEstimate(TimeSpan Mean, TimeSpan Spread, int Jobs)
{
    /// <summary>Spreads on either side of the mean where completion is likely: the window the schedule polls densely.</summary>
    internal const double LikelySpreads = 2.0;

    /// <summary>When the window of likely completion closes, since submission.</summary>
    internal TimeSpan LikelyBy => Mean + (Spread * LikelySpreads);

    /// <summary>
    /// The expected time left for a job of this shape <paramref name="sinceSubmission"/> after it was submitted: the one
    /// formula behind <see cref="VideoProgress.ExpectedRemaining"/>, for the durable jobs' dashboard to reuse so the two agree.
    /// </summary>
    /// <remarks>
    /// Before the mean it is the time to the mean. Past the mean the job is late but most like it would still finish
    /// within the window of likely completion, so the time to the window's end is an honest upper figure rather than a
    /// countdown stuck at zero. Past the window the job is slower than nearly every one learned from, and any number
    /// would be a guess presented as knowledge: null, as when nothing is learned.
    /// </remarks>
    /// <returns>A positive time, or null once the job has outlasted the likely window.</returns>
    internal TimeSpan? RemainingAfter(TimeSpan sinceSubmission)
    {
        if (sinceSubmission < Mean)
        {
            return Mean - sinceSubmission;
        }

        return sinceSubmission < LikelyBy ? LikelyBy - sinceSubmission : null;
    }
}
