using System.Globalization;

namespace Opper.Typed;

/// <summary>
/// One job's estimated cost, counted against the budget from <see cref="At"/> for one window. Its text form
/// (<see cref="ToString"/>) is what a shared ledger stores: it carries every field, so a set of them needs no other record.
/// </summary>
internal sealed record BudgetReservation(string Id, DateTimeOffset At, decimal Amount)
{
    public static BudgetReservation New(DateTimeOffset at, decimal amount) => new(Guid.NewGuid().ToString("N"), at, amount);

    /// <summary>Reads <see cref="ToString"/>'s form; null for text that is not one.</summary>
    public static BudgetReservation? Parse(string text)
    {
        var parts = text.Split('|');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? new BudgetReservation(parts[2], DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), amount)
                : null;
    }

    /// <summary><c>unix-ms|amount|id</c>: the time first, so the stored values sort by it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.ToUnixTimeMilliseconds()}|{Amount}|{Id}");
}
