namespace Opper.Typed;

/// <summary>
/// What a ledger decided for one cost: a reservation, or a refusal with what the window had spent and when enough of it
/// expires for the cost to fit (null: never, it is more than the limit).
/// </summary>
internal readonly record struct BudgetDecision(BudgetReservation? Reservation, decimal Spent, DateTimeOffset? RoomAt)
{
    /// <summary>
    /// The rolling-window arithmetic every ledger shares: <paramref name="live"/> are the reservations made in the window
    /// before <paramref name="now"/>. Pure, so a ledger calls it under its own lock and stores the result.
    /// </summary>
    public static BudgetDecision Decide(IReadOnlyCollection<BudgetReservation> live, decimal cost, DateTimeOffset now, VideoBudget budget)
    {
        var spent = live.Sum(reservation => reservation.Amount);
        if (spent + cost <= budget.Limit)
        {
            return new BudgetDecision(BudgetReservation.New(now, cost), spent, RoomAt: null);
        }

        if (cost > budget.Limit)
        {
            return new BudgetDecision(null, spent, RoomAt: null);
        }

        // The oldest reservations leave the window first: room comes back when enough of them have.
        var excess = spent + cost - budget.Limit;
        foreach (var reservation in live.OrderBy(reservation => reservation.At))
        {
            excess -= reservation.Amount;
            if (excess <= 0)
            {
                return new BudgetDecision(null, spent, reservation.At + budget.Window);
            }
        }

        return new BudgetDecision(null, spent, now);
    }

    /// <summary>Whether <paramref name="reservation"/> still counts at <paramref name="now"/>.</summary>
    public static bool Counts(BudgetReservation reservation, DateTimeOffset now, TimeSpan window) => reservation.At + window > now;
}
