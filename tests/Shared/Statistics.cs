namespace Opper.Typed.Testing;

/// <summary>Summaries of measured runs (linked into each benchmark project that needs it).</summary>
internal static class Statistics
{
    /// <summary>The middle value; for an even count, the mean of the two middle ones.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The nearest-rank percentile (<paramref name="fraction"/> 0.95 for p95) of values already sorted ascending.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
