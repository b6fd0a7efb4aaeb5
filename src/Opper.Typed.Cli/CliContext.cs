using System.CommandLine;
using Opper.Typed.Emulator;
using Spectre.Console;

namespace Opper.Typed.Cli;

/// <summary>What every command shares: where it writes, the environment, and the options that apply everywhere.</summary>
internal sealed class CliContext(CliOutput output, Func<string, string?> environment, Option<string?> baseUrl, Option<bool> verbose)
{
    public CliOutput Output { get; } = output;

    /// <summary>Messages, progress and errors: standard error.</summary>
    public IAnsiConsole Messages => Output.Messages;

    public Option<string?> BaseUrl { get; } = baseUrl;

    public Option<bool> Verbose { get; } = verbose;

    /// <summary>
    /// A client for the API at --base-url (else OPPER_BASE_URL, else the real API) with the key from OPPER_API_KEY;
    /// without a key, the local emulator when allowed, and it says so. The fallbacks are the client's own
    /// (<see cref="ClientSettings"/>), applied to this command's environment.
    /// </summary>
    public async Task<(OpperVideoClient Client, OpperEmulator? Emulator)> ConnectAsync(ParseResult parse, bool allowEmulator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(environment(OpperVideoClientOptions.ApiKeyVariable)))
        {
            if (!allowEmulator)
            {
                throw new InvalidOperationException($"No Opper API key: set {OpperVideoClientOptions.ApiKeyVariable}.");
            }

            var emulator = await OpperEmulator.StartAsync(cancellationToken: cancellationToken);
            Messages.MarkupLineInterpolated($"No {OpperVideoClientOptions.ApiKeyVariable} set: using the local Opper emulator at {emulator.BaseAddress}");
            return (new OpperVideoClient(emulator.CreateClientOptions()), emulator);
        }

        var address = parse.GetValue(BaseUrl);
        var options = new OpperVideoClientOptions
        {
            BaseAddress = address is null ? null
                : Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri
                : throw new ArgumentException($"--base-url '{address}' is not an absolute URL, e.g. https://api.opper.ai."),
        };
        return (new OpperVideoClient(ClientSettings.Resolve(options, environment), http: null, loggerFactory: null, meterFactory: null), null);
    }
}
