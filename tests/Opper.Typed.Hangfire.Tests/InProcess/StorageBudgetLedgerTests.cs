using Hangfire.InMemory;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>The storage's ledger: the window's arithmetic over a Hangfire set, releases, and what the dashboard reads.</summary>
public sealed class StorageBudgetLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reservations_count_for_one_window_a_release_gives_room_back_and_the_dashboard_sees_spend_and_limit()
    {
        var storage = new InMemoryStorage();
        var ledger = new StorageBudgetLedger(() => storage);
        var budget = new VideoBudget { Limit = 1.00m, Window = TimeSpan.FromHours(1) };

        var first = ledger.TryReserve(0.60m, Start, budget);
        var refused = ledger.TryReserve(0.60m, Start.AddMinutes(10), budget);
        ledger.Release(first.Reservation!);
        var afterRelease = ledger.TryReserve(0.60m, Start.AddMinutes(20), budget);
        var afterWindow = ledger.TryReserve(0.40m, Start.AddMinutes(81), budget);

        Assert.NotNull(first.Reservation);
        Assert.Null(refused.Reservation);
        Assert.Equal(Start.AddHours(1), refused.RoomAt);
        Assert.NotNull(afterRelease.Reservation);
        Assert.Equal(0m, afterWindow.Spent); // the one at 09:20 left the window at 10:20
        using var connection = storage.GetConnection();
        Assert.Equal((0.40m, 1.00m, TimeSpan.FromHours(1)), StorageBudgetLedger.Summary(connection, Start.AddMinutes(82)));
        Assert.Single(connection.GetAllItemsFromSet(StorageBudgetLedger.SetKey)); // the expired one was pruned
    }
}
