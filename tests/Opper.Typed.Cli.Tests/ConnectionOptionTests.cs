using Opper.Typed.Cli.Tests.Support;
using Opper.Typed.Emulator;

namespace Opper.Typed.Cli.Tests;

/// <summary>Where a command connects and with which key: --base-url, --api-key, --api-key-file, and the emulator's key for loopback.</summary>
public sealed class ConnectionOptionTests : InTempFolder
{
    private const string Secret = "op-secret-key-1234567890";

    [Fact]
    public async Task Status_against_an_emulator_needs_no_key_and_says_which_it_sends()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
        var id = await SubmitAsync(emulator);

        var run = await CliRunner.RunWithEnvironmentAsync([], "status", id, "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.Code == 0, run.Err);
        Assert.StartsWith($"{id}\tcompleted\t", run.Out);
        Assert.Contains($"sending the emulator's key ({OpperEmulator.DefaultApiKey})", run.Err);
    }

    [Fact]
    public async Task The_key_comes_from_a_file_or_standard_input_reaches_the_server_and_is_never_printed()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { ApiKey = Secret, JobDuration = TimeSpan.Zero });
        var id = await SubmitAsync(emulator);
        var keyFile = Path.Combine(Folder, "key.txt");
        File.WriteAllText(keyFile, Secret + "\n");

        var fromFile = await CliRunner.RunWithEnvironmentAsync([], "status", id, "--base-url", emulator.BaseAddress.ToString(), "--api-key-file", keyFile);
        var fromStdin = await CliRunner.RunWithInputAsync([], Secret + "\n", "status", id, "--base-url", emulator.BaseAddress.ToString(), "--api-key-file", "-");
        var wrong = await CliRunner.RunWithEnvironmentAsync([], "status", id, "--base-url", emulator.BaseAddress.ToString(), "--api-key", Secret + "x");

        Assert.True(fromFile.Code == 0, fromFile.Err);
        Assert.True(fromStdin.Code == 0, fromStdin.Err);
        Assert.Equal(1, wrong.Code); // the emulator, started with a key of its own, refuses another with 401
        Assert.Contains("401", wrong.Err);
        foreach (var run in new[] { fromFile, fromStdin, wrong })
        {
            Assert.DoesNotContain(Secret, run.Out + run.Err);
        }
    }

    [Fact]
    public async Task A_missing_key_file_is_named()
    {
        var run = await CliRunner.RunWithEnvironmentAsync([], "status", "gen_1", "--api-key-file", Path.Combine(Folder, "nope.txt"));

        Assert.Equal(1, run.Code);
        Assert.Contains("--api-key-file", run.Err);
        Assert.Contains("nope.txt: file not found", run.Err);
    }

    [Fact]
    public async Task The_emulators_help_lists_no_base_url_but_the_connecting_commands_do()
    {
        var emulatorHelp = await CliRunner.RunAsync(null, "emulator", "--help");
        var statusHelp = await CliRunner.RunAsync(null, "status", "--help");

        Assert.Equal(0, emulatorHelp.Code);
        Assert.DoesNotContain("--base-url", emulatorHelp.Out);
        Assert.Contains("--base-url", statusHelp.Out);
        Assert.Contains("--api-key-file", statusHelp.Out);
    }

    private static async Task<string> SubmitAsync(OpperEmulator emulator)
    {
        using var client = new OpperVideoClient(emulator.CreateClientOptions());
        var job = await client.SubmitAsync(new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat"));
        return job.Id;
    }
}
