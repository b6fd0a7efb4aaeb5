using System.Globalization;

namespace Opper.Typed;

/// <summary>
/// What a request will cost, worked out before it is sent (<see cref="OpperVideoClient.EstimateCost"/>): the catalog's
/// price times the clip's length. Never lower than what the request can
/// make: a request without a duration counts its provider's documented default, else the model's longest clip.
/// </summary>
public sealed class VideoCostEstimate
{
    /// <summary>The currency of every price in the catalog: it has no currency field, and Opper bills in US dollars.</summary>
    public const string Usd = "USD";

    /// <summary>Creates an estimate.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency, e.g. <see cref="Usd"/>.</param>
    /// <param name="basis">How the amount was reached, e.g. <c>4 s × 0.15/s</c>.</param>
    public VideoCostEstimate(decimal amount, string currency, string basis)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentNullException.ThrowIfNull(basis);
        Amount = amount;
        Currency = currency;
        Basis = basis;
    }

    /// <summary>The estimated amount, in <see cref="Currency"/>.</summary>
    public decimal Amount { get; }

    /// <summary>The currency: <see cref="Usd"/> for the catalog's prices.</summary>
    public string Currency { get; }

    /// <summary>How <see cref="Amount"/> was reached, e.g. <c>4 s × 0.15/s</c> or <c>8 s (provider default) × 0.15/s</c>.</summary>
    public string Basis { get; }

    /// <summary>The estimate as one line, e.g. <c>0.60 USD (4 s × 0.15/s)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00##} {Currency} ({Basis})");
}
