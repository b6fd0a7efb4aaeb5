namespace Opper.Typed;

/// <summary>A model's prices in US dollars: per second of clip, per generation, or both (both are charged).</summary>
internal readonly record struct ModelPrice(decimal? PerSecond, decimal? PerGeneration)
{
    /// <returns>The catalog's prices of <paramref name="spec"/>; null when it has none.</returns>
    public static ModelPrice? Of(VideoModelSpec? spec) =>
        spec is { PricePerSecond: not null } or { PricePerGeneration: not null }
            ? new ModelPrice(ToDecimal(spec.PricePerSecond), ToDecimal(spec.PricePerGeneration))
            : null;

    // The snapshot's 0.15 is a double; decimal's conversion keeps its 15 significant digits, so it is 0.15 again.
    private static decimal? ToDecimal(double? price) => price is { } value ? (decimal)value : null;
}
