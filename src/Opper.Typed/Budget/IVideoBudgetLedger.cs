namespace Opper.Typed;

/// <summary>
/// Where a budget's reservations are kept: in the client's memory (<see cref="InMemoryBudgetLedger"/>), or in a store
/// every worker shares (the durable jobs' Hangfire storage). Reserving is one atomic check-and-add, so no number of
/// concurrent callers can pass the limit together.
/// </summary>
internal interface IVideoBudgetLedger
{
    /// <summary>Reserves <paramref name="cost"/> at <paramref name="now"/> if the window's spending plus it stays within the limit.</summary>
    BudgetDecision TryReserve(decimal cost, DateTimeOffset now, VideoBudget budget);

    /// <summary>Takes back a reservation whose job surely does not exist (its POST never reached Opper, or was refused).</summary>
    void Release(BudgetReservation reservation);

    /// <summary>What the reservations made in the window before <paramref name="now"/> add up to.</summary>
    decimal Spent(DateTimeOffset now, TimeSpan window);
}
