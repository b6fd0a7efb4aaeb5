using System.Collections.Concurrent;

namespace Opper.Typed;

/// <summary>
/// How long the last jobs of each <see cref="JobShape"/> took, per client. A poll only brackets a completion (after the
/// last poll that saw the job running, by the one that saw it done), so each job counts as the middle of its bracket;
/// the brackets narrow as the schedule learns, and only the newest jobs are kept, so old wide ones roll out.
/// </summary>
internal sealed class CompletionHistory
{
    /// <summary>Jobs kept per shape.</summary>
    internal const int Kept = 20;

    /// <summary>Shapes kept: a client that sees ever new shapes stops learning new ones rather than grow.</summary>
    internal const int MaxShapes = 512;

    /// <summary>Finished jobs of a shape needed before its schedule is learned.</summary>
    internal const int JobsToLearn = 2;

    private readonly ConcurrentDictionary<string, Samples> _shapes = new(StringComparer.Ordinal);

    /// <summary>
    /// The key equal to <paramref name="shape"/> when it is already kept, so a job of a known shape makes no string of its
    /// own; null when it is not (and on .NET 8, which cannot look a string up by its characters).
    /// </summary>
#if NET9_0_OR_GREATER
    public string? Known(ReadOnlySpan<char> shape) =>
        _shapes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(shape, out var key, out _) ? key : null;
#else
#pragma warning disable CA1822 // An instance member on every target, so callers need no target of their own.
    public string? Known(ReadOnlySpan<char> shape) => null;
#pragma warning restore CA1822
#endif

    /// <summary>Notes that a job of <paramref name="shape"/> completed after <paramref name="runningAt"/> and by <paramref name="doneAt"/> (both since its submission).</summary>
    public void Record(string shape, TimeSpan runningAt, TimeSpan doneAt)
    {
        if (doneAt <= runningAt || (!_shapes.ContainsKey(shape) && _shapes.Count >= MaxShapes))
        {
            return;
        }

        _shapes.GetOrAdd(shape, _ => new Samples()).Add(SampleOf(runningAt, doneAt));
    }

    /// <returns>The estimate for <paramref name="shape"/>; null until <see cref="JobsToLearn"/> of its jobs finished.</returns>
    public CompletionEstimate? Estimate(string shape) =>
        _shapes.TryGetValue(shape, out var samples) ? samples.Estimate() : null;

    /// <summary>One finished job as a sample: the middle of its bracket, and the bracket's width (both in seconds).</summary>
    public static (double Seconds, double Bracket) SampleOf(TimeSpan runningAt, TimeSpan doneAt) =>
        ((runningAt + ((doneAt - runningAt) / 2)).TotalSeconds, (doneAt - runningAt).TotalSeconds);

    /// <summary>The estimate of a shape's samples, wherever they are kept (this client, or a durable jobs' storage); null with fewer than <see cref="JobsToLearn"/>.</summary>
    public static CompletionEstimate? EstimateOf(IReadOnlyList<(double Seconds, double Bracket)> samples)
    {
        var count = samples.Count;
        if (count < JobsToLearn)
        {
            return null;
        }

        // Each job weighs by how exactly its bracket places it (a midpoint is off by up to half its bracket: variance
        // width²/12), against a prior spread of 5% of the mean so that narrow brackets do not take all the weight:
        // the first jobs of a shape, polled by the fixed schedule's 5–15-s gaps, otherwise widened the window (and
        // lengthened its gaps) for every job until they rolled out of the ring.
        var plain = 0.0;
        foreach (var (seconds, _) in samples)
        {
            plain += seconds;
        }

        var prior = Math.Pow(0.05 * plain / count, 2);
        double weights = 0, mean = 0, bracket = 0, variance = 0;
        foreach (var (seconds, width) in samples)
        {
            var weight = Weight(width, prior);
            weights += weight;
            mean += weight * seconds;
            bracket += weight * width;
        }

        mean /= weights;
        bracket /= weights;
        foreach (var (seconds, width) in samples)
        {
            variance += Weight(width, prior) * (seconds - mean) * (seconds - mean);
        }

        variance = variance / weights * count / (count - 1);

        // Floors: a bracket's own uncertainty (a uniform spread over its width), 5% of the mean, and 15% while
        // fewer than five jobs are known, so two alike jobs cannot narrow the schedule to a point.
        var floor = Math.Max(bracket / Math.Sqrt(12), mean * (count < 5 ? 0.15 : 0.05));
        return new CompletionEstimate(TimeSpan.FromSeconds(mean), TimeSpan.FromSeconds(Math.Max(Math.Sqrt(variance), floor)), count);
    }

    private static double Weight(double bracket, double prior) => 1 / ((bracket * bracket / 12) + prior);

    private sealed class Samples
    {
        private readonly (double Seconds, double Bracket)[] _ring = new (double, double)[Kept];
        private int _count;
        private int _next;

        public void Add((double Seconds, double Bracket) sample)
        {
            lock (_ring)
            {
                _ring[_next] = sample;
                _next = (_next + 1) % Kept;
                _count = Math.Min(_count + 1, Kept);
            }
        }

        public CompletionEstimate? Estimate()
        {
            lock (_ring)
            {
                return EstimateOf(new ArraySegment<(double Seconds, double Bracket)>(_ring, 0, _count));
            }
        }
    }
}
