using System.Globalization;

namespace Opper.Typed;

/// <summary>
/// Prices a wire body before it is sent: a per-second price times the clip's seconds (<see cref="ClipSeconds"/>), plus a
/// per-generation price, times the clips asked for (Veo's <c>sampleCount</c>). Rounded up, never down.
/// </summary>
internal static class CostEstimator
{
    /// <summary>Veo's clips per request: each is billed.</summary>
    private const string SampleCountParameter = "sampleCount";

    /// <returns>The estimate; null when neither the model nor <paramref name="own"/> has a price, or nothing bounds a per-second price's seconds.</returns>
    public static VideoCostEstimate? Estimate(VideoWireRequest wire, VideoModelSpec? spec, ModelPrice? own = null)
    {
        var price = own ?? ModelPrice.Of(spec);
        if (price is not { } known)
        {
            return null;
        }

        var parts = new List<string>(2);
        var amount = 0m;
        if (known.PerSecond is { } perSecond)
        {
            if (spec is null || ClipSeconds.Of(wire, spec) is not var (seconds, note))
            {
                return null;
            }

            amount += (decimal)seconds * perSecond;
            parts.Add(Invariant($"{seconds:0.##} s{note} × {perSecond:0.00##}/s"));
        }

        if (known.PerGeneration is { } perGeneration)
        {
            amount += perGeneration;
            parts.Add(Invariant($"{perGeneration:0.00##}/generation"));
        }

        var basis = string.Join(" + ", parts);
        if (Samples(wire) is > 1 and var samples)
        {
            amount *= samples;
            basis = Invariant($"({basis}) × {samples} clips");
        }

        // Cents of a cent are below any bill: round up so the estimate stays at or above it.
        return new VideoCostEstimate(Math.Ceiling(amount * 10_000m) / 10_000m, VideoCostEstimate.Usd, basis);
    }

    private static int Samples(VideoWireRequest wire) =>
        wire.Parameters.TryGetValue(SampleCountParameter, out var node) && node is not null
        && int.TryParse(node.ToJsonString().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var samples)
            ? samples
            : 1;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
