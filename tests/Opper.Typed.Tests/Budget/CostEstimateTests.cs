using System.Text.Json.Nodes;
using Opper.Typed.Testing;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Budget;

/// <summary>The estimate from the checked-in snapshot's prices: per second, per generation, a string duration, a default duration.</summary>
public sealed class CostEstimateTests
{
    private static OpperVideoClient Client(IVideoModelCatalog? models = null) =>
        new(new OpperVideoClientOptions { ApiKey = "k", BaseAddress = new Uri("http://127.0.0.1:9"), Models = models });

    [Fact]
    public void A_per_second_price_times_the_seconds_asked_for()
    {
        using var client = Client();

        var cost = client.EstimateCost(new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 });

        Assert.Equal(0.60m, cost!.Amount);
        Assert.Equal("USD", cost.Currency);
        Assert.Equal("4 s × 0.15/s", cost.Basis);
        Assert.Equal("0.60 USD (4 s × 0.15/s)", cost.ToString());
    }

    [Fact]
    public void Without_a_duration_the_providers_documented_default_is_counted()
    {
        using var client = Client();

        var cost = client.EstimateCost(new Veo31FastGenerate001Request("a cat"));

        Assert.Equal(1.20m, cost!.Amount);
        Assert.Equal("8 s (provider default) × 0.15/s", cost.Basis);
    }

    [Fact]
    public void Without_a_documented_default_the_models_longest_clip_is_counted()
    {
        using var client = Client();

        var cost = client.EstimateCost(new VideoRequest("alibaba:eu/happyhorse-1.0-t2v", "a cat"));

        Assert.Equal(0.80m, cost!.Amount);
        Assert.Equal("10 s (the model's longest) × 0.08/s", cost.Basis);
    }

    [Theory]
    [InlineData("4", 0.40)]
    [InlineData("12", 1.20)]
    public void A_string_duration_is_read_as_its_number(string seconds, double expected)
    {
        using var client = Client(UnretiredSora.Catalog);

        var cost = client.EstimateCost(new VideoRequest("openai/sora-2", "a cat") { Parameters = { ["seconds"] = seconds } });

        Assert.Equal((decimal)expected, cost!.Amount);
        Assert.Equal($"{seconds} s × 0.10/s", cost.Basis);
    }

    [Fact]
    public void A_typed_integer_duration_is_priced()
    {
        using var client = Client();

        var cost = client.EstimateCost(new GrokImagineVideoRequest("a cat") { Duration = 6 });

        Assert.Equal(0.30m, cost!.Amount);
        Assert.Equal("6 s × 0.05/s", cost.Basis);
    }

    [Fact]
    public void A_duration_that_cannot_be_read_counts_the_longest_clip_rather_than_guess_low()
    {
        using var client = Client();

        var cost = client.EstimateCost(new GrokImagineVideoRequest("a cat") { AdditionalParameters = { ["duration"] = "six" } });

        Assert.Equal(0.75m, cost!.Amount);
        Assert.Contains("15 s", cost.Basis);
    }

    [Fact]
    public void A_per_generation_price_ignores_the_length()
    {
        using var client = Client();

        var cost = client.EstimateCost(new WanT2vRequest("a cat"));

        Assert.Equal(0.10m, cost!.Amount);
        Assert.Equal("0.10/generation", cost.Basis);
    }

    [Fact]
    public void Each_sample_asked_for_is_billed()
    {
        using var client = Client();

        var cost = client.EstimateCost(new Veo31FastGenerate001Request("a cat")
        {
            DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds6,
            SampleCount = 3,
        });

        Assert.Equal(2.70m, cost!.Amount);
        Assert.Equal("(6 s × 0.15/s) × 3 clips", cost.Basis);
    }

    [Fact]
    public void No_price_in_the_catalog_is_no_estimate()
    {
        var snapshot = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")))!;
        foreach (var model in snapshot["models"]!.AsArray())
        {
            model!.AsObject().Remove("pricing");
        }

        using var client = Client(VideoModelCatalog.Parse(snapshot.ToJsonString(), File.ReadAllText(RepositoryPaths.Schema("video-parameters.json"))));

        Assert.Null(client.EstimateCost(new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat")));
        Assert.Null(client.EstimateCost(new VideoRequest("acme/unknown", "a cat")));
    }
}
