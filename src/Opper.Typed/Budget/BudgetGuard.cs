using System.Globalization;

namespace Opper.Typed;

/// <summary>
/// A client's budget at the POST: reserves the request's estimate before it is sent (or refuses, and nothing is sent),
/// takes the reservation back when the POST surely created no job, and keeps it when the job exists or may exist.
/// </summary>
internal sealed class BudgetGuard(VideoBudget? budget, IVideoBudgetLedger ledger, TimeProvider time, OpperMetrics metrics)
{
    public VideoBudget? Budget => budget;

    public IVideoBudgetLedger Ledger => ledger;

    /// <summary>The estimate of <paramref name="wire"/> with the budget's own prices first.</summary>
    public VideoCostEstimate? Estimate(VideoWireRequest wire, VideoModelSpec? spec) => CostEstimator.Estimate(wire, spec, budget?.PriceOf(wire.Model));

    /// <summary>
    /// Reserves the request's cost; without a budget, only estimates it (for the spend metric). <paramref name="estimated"/>
    /// is the estimate made where the request was typed (a durable job's enqueuing process, whose catalog had its spec),
    /// used when this client cannot price it.
    /// </summary>
    /// <exception cref="OpperBudgetExceededException">The window has no room for it, or it has no price; nothing was sent.</exception>
    public BudgetTicket Reserve(VideoWireRequest wire, VideoModelSpec? spec, VideoCostEstimate? estimated = null)
    {
        if (budget is null)
        {
            // Without a budget the estimate only feeds the spend metric: worked out (a formatted basis, a list, boxed
            // numbers) only while something listens to it.
            return new BudgetTicket(metrics.CountsSpend ? Estimate(wire, spec) ?? estimated : null, Reservation: null);
        }

        var estimate = Estimate(wire, spec) ?? estimated;

        var now = time.GetUtcNow();
        if (estimate is null)
        {
            metrics.BudgetRefused(wire.Model);
            throw new OpperBudgetExceededException(wire.Model,
                $"Budget: no price is known for {wire.Model} (the catalog snapshot has none, or no longest clip to bound its per-second price), so the budget cannot count it. Nothing was sent. " +
                $"Price it: OpperVideoClientOptions.Budget.PricePerSecond[\"{wire.Model}\"] or PricePerGeneration[\"{wire.Model}\"] (configuration Opper:Budget:PricePerSecond:{wire.Model}), or pull a fresh catalog snapshot.",
                ledger.Spent(now, budget.Window), budget.Limit, cost: null, roomAt: null);
        }

        var decision = ledger.TryReserve(estimate.Amount, now, budget);
        if (decision.Reservation is { } reservation)
        {
            return new BudgetTicket(estimate, reservation);
        }

        metrics.BudgetRefused(wire.Model);
        throw new OpperBudgetExceededException(wire.Model, Refusal(wire.Model, estimate, decision), decision.Spent, budget.Limit, estimate.Amount, decision.RoomAt);
    }

    /// <summary>Gives a reservation back when no POST was sent for it (its uploads failed).</summary>
    public void Release(BudgetTicket ticket)
    {
        if (ticket.Reservation is { } reservation)
        {
            ledger.Release(reservation);
        }
    }

    /// <summary>After the POST: a job that exists or may exist keeps its reservation and counts as spent; one that surely does not is taken back.</summary>
    public void Settle(BudgetTicket ticket, string model, Exception? failure)
    {
        if (failure is not null && SubmissionOutcome.ProvesNoJob(failure))
        {
            Release(ticket);
            return;
        }

        if (ticket.Estimate is { } estimate)
        {
            metrics.EstimatedSpend(model, estimate.Amount);
        }
    }

    private string Refusal(string model, VideoCostEstimate estimate, BudgetDecision decision)
    {
        var limit = budget!;
        var head = Invariant($"Budget: {model} would cost {estimate.Amount:0.00##} USD ({estimate.Basis}), and the last {limit.Window} has spent {decision.Spent:0.00##} of the {limit.Limit:0.00##} USD limit. Nothing was sent. ");
        return decision.RoomAt is { } room
            ? head + Invariant($"Room for it comes back at {room.UtcDateTime:u}; to spend more sooner, raise OpperVideoClientOptions.Budget.Limit (configuration Opper:Budget:Limit).")
            : head + "It costs more than the whole limit, so it will never fit: raise OpperVideoClientOptions.Budget.Limit (configuration Opper:Budget:Limit) or ask for a shorter clip.";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="BudgetGuard.Reserve"/> took: the estimate (null without a price) and the reservation (null without a budget).</summary>
internal readonly record struct BudgetTicket(VideoCostEstimate? Estimate, BudgetReservation? Reservation);
