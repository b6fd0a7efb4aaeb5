using System.Globalization;
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

    /// <summary>The limit and window of the last reservation, for the dashboard, which has no client of its own to ask.</summary>
    public const string TermsKey = "opper-video-budget:terms";

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
                transaction.SetRangeInHash(TermsKey, [
                    new("limit", budget.Limit.ToString(CultureInfo.InvariantCulture)),
                    new("window", budget.Window.ToString("c", CultureInfo.InvariantCulture)),
                ]);
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

    /// <summary>What the dashboard shows: the window's spend under the last reservation's limit; null before any reservation.</summary>
    public static (decimal Spent, decimal Limit, TimeSpan Window)? Summary(IStorageConnection connection, DateTimeOffset now)
    {
        var terms = connection.GetAllEntriesFromHash(TermsKey);
        if (terms is null
            || !terms.TryGetValue("limit", out var limitText) || !decimal.TryParse(limitText, NumberStyles.Number, CultureInfo.InvariantCulture, out var limit)
            || !terms.TryGetValue("window", out var windowText) || !TimeSpan.TryParseExact(windowText, "c", CultureInfo.InvariantCulture, out var window))
        {
            return null;
        }

        return (Read(connection, now, window).Live.Sum(reservation => reservation.Amount), limit, window);
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
