using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Opper.Typed.Tests.Budget;

/// <summary><c>Opper:Budget</c> in configuration: the limit, the window and prices, model ids with a colon included.</summary>
public sealed class BudgetConfigurationTests
{
    private static OpperVideoClientOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var provider = new ServiceCollection().AddOpperVideos(configuration.GetSection("Opper")).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value;
    }

    [Fact]
    public void The_limit_the_window_and_prices_bind()
    {
        var options = Bind(new()
        {
            ["Opper:ApiKey"] = "k",
            ["Opper:Budget:Limit"] = "12.50",
            ["Opper:Budget:Window"] = "07:00:00",
            ["Opper:Budget:PricePerSecond:alibaba:eu/happyhorse-2.0-t2v"] = "0.09",
            ["Opper:Budget:PricePerGeneration:acme/clip-1"] = "0.3",
        });

        Assert.Equal(12.50m, options.Budget!.Limit);
        Assert.Equal(TimeSpan.FromHours(7), options.Budget.Window);
        Assert.Equal(0.09m, options.Budget.PricePerSecond["alibaba:eu/happyhorse-2.0-t2v"]);
        Assert.Equal(0.3m, options.Budget.PricePerGeneration["acme/clip-1"]);
    }

    [Fact]
    public void Without_a_budget_section_there_is_no_budget()
    {
        Assert.Null(Bind(new() { ["Opper:ApiKey"] = "k" }).Budget);
    }

    [Fact]
    public void A_limit_that_does_not_parse_names_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(new() { ["Opper:ApiKey"] = "k", ["Opper:Budget:Limit"] = "five dollars" }));

        Assert.Contains("'Opper:Budget:Limit' = 'five dollars' is not an amount in US dollars", error.Message);
    }

    [Fact]
    public void A_window_without_a_limit_fails_at_start_naming_the_limit()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Opper:ApiKey"] = "k",
            ["Opper:Budget:Window"] = "1.00:00:00",
        }).Build();
        using var provider = new ServiceCollection().AddOpperVideos(configuration.GetSection("Opper")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value);

        Assert.Contains("Budget:Limit", error.Message);
    }
}
