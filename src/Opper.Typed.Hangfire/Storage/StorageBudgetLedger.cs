using Hangfire;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// The budget's reservations in the Hangfire storage, so every process on it shares one budget: one set whose values
/// are the reservations (<see cref="BudgetReservation"/>'s text carries time, amount and id; the score is the time), read,
/// pruned and added to under one distributed lock. Only Hangfire's public storage API, so any storage holds it.
/// </summary>
internal sealed class StorageBudgetLedger(Func<JobStorage> storage) : IVideoBudgetLedger
{
    public const string SetKey = "opper-video-budget";

    private const string LockResource = "opper-video-budget:lock";

    /// <summary>A reservation holds the lock for the milliseconds of one read and one write.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public BudgetDecision TryReserve(decimal cost, DateTimeOffset now, VideoBudget budget)
    {
        using var connection = storage().GetConnection();
        using (connection.AcquireDistributedLock(LockResource, LockTimeout))
        {
            var (live, expired) = Read(connection, now, budget.Window);
            var decision = BudgetDecision.Decide(live, cost, now, budget);
            if (expired.Count == 0 && decision.Reservation is null)
            {
                return decision;
            }

            using var transaction = connection.CreateWriteTransaction();
            foreach (var old in expired)
            {
                transaction.RemoveFromSet(SetKey, old);
            }

            if (decision.Reservation is { } reservation)
            {
                transaction.AddToSet(SetKey, reservation.ToString(), reservation.At.ToUnixTimeMilliseconds());
            }

            transaction.Commit();
            return decision;
        }
    }

    public void Release(BudgetReservation reservation)
    {
        // One removal of one value: atomic on its own, so it needs no lock.
        using var connection = storage().GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveFromSet(SetKey, reservation.ToString());
        transaction.Commit();
    }

    public decimal Spent(DateTimeOffset now, TimeSpan window)
    {
        using var connection = storage().GetConnection();
        return Read(connection, now, window).Live.Sum(reservation => reservation.Amount);
    }

    private static (List<BudgetReservation> Live, List<string> Expired) Read(IStorageConnection connection, DateTimeOffset now, TimeSpan window)
    {
        var live = new List<BudgetReservation>();
        var expired = new List<string>();
        foreach (var value in connection.GetAllItemsFromSet(SetKey))
        {
            // A value that is not a reservation (written by hand, or by a newer version) is left alone and not counted.
            if (BudgetReservation.Parse(value) is not { } reservation)
            {
                continue;
            }

            if (BudgetDecision.Counts(reservation, now, window))
            {
                live.Add(reservation);
            }
            else
            {
                expired.Add(value);
            }
        }

        return (live, expired);
    }
}
