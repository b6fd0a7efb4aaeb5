namespace Opper.Typed;

/// <summary>A client's own ledger: its reservations in a list, under a lock (held for microseconds: no I/O inside).</summary>
internal sealed class InMemoryBudgetLedger : IVideoBudgetLedger
{
    private readonly List<BudgetReservation> _reservations = [];

    public BudgetDecision TryReserve(decimal cost, DateTimeOffset now, VideoBudget budget)
    {
        lock (_reservations)
        {
            _reservations.RemoveAll(reservation => !BudgetDecision.Counts(reservation, now, budget.Window));
            var decision = BudgetDecision.Decide(_reservations, cost, now, budget);
            if (decision.Reservation is { } reservation)
            {
                _reservations.Add(reservation);
            }

            return decision;
        }
    }

    public void Release(BudgetReservation reservation)
    {
        lock (_reservations)
        {
            _reservations.Remove(reservation);
        }
    }

    public decimal Spent(DateTimeOffset now, TimeSpan window)
    {
        lock (_reservations)
        {
            return _reservations.Where(reservation => BudgetDecision.Counts(reservation, now, window)).Sum(reservation => reservation.Amount);
        }
    }
}
