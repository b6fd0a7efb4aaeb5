using System.Globalization;

namespace Opper.Typed;

/// <summary>
/// A limit on what a client may spend in a rolling window (<see cref="OpperVideoClientOptions.Budget"/>). Before each
/// <c>POST /v3/videos</c> the client reserves the request's estimate (<see cref="OpperVideoClient.EstimateCost"/>); a
/// request that would take the window's spend past <see cref="Limit"/> throws <see cref="OpperBudgetExceededException"/>
/// and nothing is sent. Amounts are in US dollars, as the catalog's prices are.
/// </summary>
/// <remarks>
/// Bound from configuration as <c>Opper:Budget:Limit</c>, <c>Opper:Budget:Window</c> (e.g. <c>1.00:00:00</c>),
/// <c>Opper:Budget:PricePerSecond:&lt;model id&gt;</c> and <c>Opper:Budget:PricePerGeneration:&lt;model id&gt;</c>.
/// With <c>AddOpperVideoJobs</c> the reservations live in the Hangfire storage, so every process on it shares one budget.
/// </remarks>
/// <example>
/// <code>
/// new OpperVideoClientOptions { Budget = new VideoBudget { Limit = 5m, Window = TimeSpan.FromDays(1) } };
/// </code>
/// </example>
public sealed class VideoBudget
{
    /// <summary>The most the window's jobs may cost together, in US dollars. Must be more than zero.</summary>
    public decimal Limit { get; set; }

    /// <summary>How far back spending counts: a reservation stops counting this long after it was made. Default one day.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Per-second prices in US dollars by model id, used instead of the catalog's: for a model the catalog does not
    /// price (which the budget otherwise refuses) or a price you negotiated. A model in both maps is charged both.
    /// </summary>
    public IDictionary<string, decimal> PricePerSecond { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Per-generation prices in US dollars by model id, used instead of the catalog's (see <see cref="PricePerSecond"/>).</summary>
    public IDictionary<string, decimal> PricePerGeneration { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>The budget's own price of <paramref name="model"/>; null when it names none, so the catalog's applies.</summary>
    internal ModelPrice? PriceOf(string model)
    {
        var perSecond = PricePerSecond.TryGetValue(model, out var second) ? second : (decimal?)null;
        var perGeneration = PricePerGeneration.TryGetValue(model, out var generation) ? generation : (decimal?)null;
        return perSecond is null && perGeneration is null ? null : new ModelPrice(perSecond, perGeneration);
    }

    /// <summary>A copy, so a client is not changed by later edits of the options object.</summary>
    internal VideoBudget Clone()
    {
        var copy = new VideoBudget { Limit = Limit, Window = Window };
        foreach (var (model, price) in PricePerSecond)
        {
            copy.PricePerSecond[model] = price;
        }

        foreach (var (model, price) in PricePerGeneration)
        {
            copy.PricePerGeneration[model] = price;
        }

        return copy;
    }

    /// <summary>Adds one sentence per problem, naming the setting and its configuration key.</summary>
    internal void FindProblems(List<string> problems)
    {
        if (Limit <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"OpperVideoClientOptions.Budget.Limit must be more than zero US dollars (configuration key Budget:Limit, e.g. 5); got {Limit}. Set Budget to null for no limit."));
        }

        if (Window <= TimeSpan.Zero)
        {
            problems.Add($"OpperVideoClientOptions.Budget.Window must be more than zero (configuration key Budget:Window, e.g. 1.00:00:00 for a day); got {Window}.");
        }

        foreach (var (name, prices) in new[] { ("PricePerSecond", PricePerSecond), ("PricePerGeneration", PricePerGeneration) })
        {
            foreach (var (model, price) in prices)
            {
                if (price < 0)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"OpperVideoClientOptions.Budget.{name}[\"{model}\"] must not be negative; got {price}."));
                }
            }
        }
    }
}
