using Opper.Typed.Cli.Tests.Support;
using Opper.Typed.Emulator;
using Opper.Typed.Testing;

namespace Opper.Typed.Cli.Tests;

/// <summary>
/// <c>catalog pull</c> reads its pages through the client, so it takes the client's address fallback and reports a
/// refusal as the client does, with the key nowhere in what it prints.
/// </summary>
public sealed class CatalogConnectionTests : InTempFolder
{
    [Fact]
    public async Task Without_base_url_the_pull_goes_to_OPPER_BASE_URL()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        var snapshot = Path.Combine(Folder, "pulled.json");

        var run = await CliRunner.RunWithEnvironmentAsync(
            new() { ["OPPER_API_KEY"] = emulator.ApiKey, ["OPPER_BASE_URL"] = emulator.BaseAddress.ToString() }, "catalog", "pull", "--out", snapshot);

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")), File.ReadAllText(snapshot));
    }

    [Fact]
    public async Task A_refused_key_is_one_error_line_without_the_key_and_nothing_is_written()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { ApiKey = "sk-the-right-key" });
        var snapshot = Path.Combine(Folder, "pulled.json");
        const string wrongKey = "sk-wrong-key-0123456789";

        var run = await CliRunner.RunWithEnvironmentAsync(
            new() { ["OPPER_API_KEY"] = wrongKey }, "catalog", "pull", "--out", snapshot, "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(1, run.Code);
        Assert.StartsWith("error: ", run.Err);
        Assert.Contains("401", run.Err);
        Assert.DoesNotContain(wrongKey, run.Err + run.Out);
        Assert.False(File.Exists(snapshot));
    }

    [Fact]
    public async Task A_base_url_that_is_not_a_url_is_named()
    {
        var run = await CliRunner.RunWithEnvironmentAsync(new() { ["OPPER_API_KEY"] = "k", ["OPPER_BASE_URL"] = "not a url" }, "catalog", "pull", "--out", Path.Combine(Folder, "x.json"));

        Assert.Equal(1, run.Code);
        Assert.Contains("OPPER_BASE_URL 'not a url' is not an absolute URL", run.Err);
    }
}
