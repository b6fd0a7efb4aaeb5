namespace Opper.Typed;

/// <summary>
/// A request was refused before it was sent, because its cost would take the spending of
/// <see cref="OpperVideoClientOptions.Budget"/>'s window past its limit, or because no price is known for its model and
/// so the budget cannot vouch for it. Nothing was sent: no job exists and nothing is billed.
/// </summary>
public sealed class OpperBudgetExceededException : OpperException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The model the request was for.</param>
    /// <param name="message">What was refused and what to do.</param>
    /// <param name="spent">What the window's reservations add up to, in US dollars.</param>
    /// <param name="limit">The budget's limit, in US dollars.</param>
    /// <param name="cost">The request's estimated cost; null when its model has no price.</param>
    /// <param name="roomAt">When enough of the window's spending expires for this request to fit; null when it never will.</param>
    public OpperBudgetExceededException(string model, string message, decimal spent, decimal limit, decimal? cost, DateTimeOffset? roomAt)
        : base(message)
    {
        Model = model;
        Spent = spent;
        Limit = limit;
        Cost = cost;
        RoomAt = roomAt;
    }

    /// <summary>The model the request was for.</summary>
    public string Model { get; }

    /// <summary>What the reservations in the budget's window add up to, in US dollars.</summary>
    public decimal Spent { get; }

    /// <summary>The budget's limit, in US dollars.</summary>
    public decimal Limit { get; }

    /// <summary>The request's estimated cost in US dollars; null when neither the catalog nor the budget prices its model.</summary>
    public decimal? Cost { get; }

    /// <summary>
    /// When enough of the window's spending expires for this request to fit; null when it never will (it costs more than
    /// the whole limit, or has no price).
    /// </summary>
    public DateTimeOffset? RoomAt { get; }
}
