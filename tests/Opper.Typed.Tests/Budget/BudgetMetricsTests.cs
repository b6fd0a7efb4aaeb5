using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Budget;

/// <summary>The meter counts the estimated spend of the jobs sent and the jobs the budget refused.</summary>
public sealed class BudgetMetricsTests
{
    [Fact]
    public async Task Estimated_spend_and_refusals_are_counted_per_model()
    {
        await using var server = new ScriptedHttpServer(_ => ScriptedReply.Json(202, """{"id":"gen_1","status":"processing"}"""));
        await using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var spend = new MetricCollector<double>(meters, OpperTelemetry.MeterName, "opper.video.spend.estimated");
        using var refusals = new MetricCollector<long>(meters, OpperTelemetry.MeterName, "opper.video.budget.refusals");
        using var client = new OpperVideoClient(new OpperVideoClientOptions
        {
            ApiKey = "test-key",
            BaseAddress = server.BaseAddress,
            Budget = new VideoBudget { Limit = 1m },
            MeterFactory = meters,
        });
        var request = new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 };

        await client.SubmitAsync(request);
        await Assert.ThrowsAsync<OpperBudgetExceededException>(() => client.SubmitAsync(request));

        Assert.Equal(0.60, spend.GetMeasurementSnapshot().EvaluateAsCounter(), precision: 6);
        Assert.Equal(LiveModel.Id, spend.LastMeasurement?.Tags["opper.model"]);
        Assert.Equal("{USD}", spend.Instrument?.Unit);
        Assert.Equal(1, refusals.GetMeasurementSnapshot().EvaluateAsCounter());
    }
}
