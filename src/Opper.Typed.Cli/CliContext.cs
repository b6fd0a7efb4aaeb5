using System.CommandLine;
using Opper.Typed.Emulator;
using Spectre.Console;

namespace Opper.Typed.Cli;

/// <summary>What every command shares: where it writes, the environment, and the options of the commands that connect.</summary>
internal sealed class CliContext(CliOutput output, Func<string, string?> environment, Option<bool> verbose)
{
    public CliOutput Output { get; } = output;

    /// <summary>Messages, progress and errors: standard error.</summary>
    public IAnsiConsole Messages => Output.Messages;

    /// <summary>Where standard input comes from, for <c>--api-key-file -</c>; the process's own unless a test gives one.</summary>
    public TextReader Input { get; init; } = Console.In;

    public Option<bool> Verbose { get; } = verbose;

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "The API's base address (default: OPPER_BASE_URL, else https://api.opper.ai)." };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = $"The Opper API key (default: {OpperVideoClientOptions.ApiKeyVariable}); it stays in your shell history, so prefer --api-key-file." };

    public Option<string?> ApiKeyFile { get; } = new("--api-key-file") { Description = "Read the API key from this file, or from standard input with '-'." };

    /// <summary>
    /// Adds the options that say where to connect and with which key. Only commands that connect get them: the emulator's
    /// help must not list a --base-url that would do nothing there.
    /// </summary>
    public Command Connecting(Command command)
    {
        command.Options.Add(BaseUrl);
        command.Options.Add(ApiKey);
        command.Options.Add(ApiKeyFile);
        return command;
    }

    /// <summary>
    /// A client for the API at --base-url (else OPPER_BASE_URL, else the real API) with the key from --api-key,
    /// --api-key-file or OPPER_API_KEY. Without a key: a loopback --base-url gets the emulator's key (an emulator takes
    /// any); otherwise the local emulator when allowed, and it says so. The fallbacks are the client's own
    /// (<see cref="ClientSettings"/>), applied to this command's environment.
    /// </summary>
    public async Task<(OpperVideoClient Client, OpperEmulator? Emulator)> ConnectAsync(ParseResult parse, bool allowEmulator, CancellationToken cancellationToken)
    {
        var address = parse.GetValue(BaseUrl) is { } given
            ? Uri.TryCreate(given, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--base-url '{given}' is not an absolute URL, e.g. https://api.opper.ai.")
            : null;
        var key = await ReadKeyAsync(parse, cancellationToken);
        if (key is null && address is { IsLoopback: true })
        {
            Messages.MarkupLineInterpolated($"No API key given: sending the emulator's key ({OpperEmulator.DefaultApiKey}) to {address}.");
            key = OpperEmulator.DefaultApiKey;
        }

        if (key is null)
        {
            if (!allowEmulator)
            {
                throw new InvalidOperationException($"No Opper API key: set {OpperVideoClientOptions.ApiKeyVariable}, or pass --api-key-file.");
            }

            var emulator = await OpperEmulator.StartAsync(cancellationToken: cancellationToken);
            Messages.MarkupLineInterpolated($"No {OpperVideoClientOptions.ApiKeyVariable} set: using the local Opper emulator at {emulator.BaseAddress}");
            return (new OpperVideoClient(emulator.CreateClientOptions()), emulator);
        }

        var options = new OpperVideoClientOptions { BaseAddress = address, ApiKey = key };
        return (new OpperVideoClient(ClientSettings.Resolve(options, environment), http: null, loggerFactory: null, meterFactory: null), null);
    }

    /// <summary>The key from the options or the environment, trimmed; null when none is given. Never printed.</summary>
    private async Task<string?> ReadKeyAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(ApiKey) is { } key)
        {
            return string.IsNullOrWhiteSpace(key) ? throw new ArgumentException("--api-key is empty.") : key.Trim();
        }

        if (parse.GetValue(ApiKeyFile) is { } file)
        {
            var text = file == "-" ? await Input.ReadToEndAsync(cancellationToken)
                : File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken)
                : throw new FileNotFoundException($"--api-key-file {file}: file not found.", file);
            return string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"--api-key-file {file}: holds no key.") : text.Trim();
        }

        var fromEnvironment = environment(OpperVideoClientOptions.ApiKeyVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }
}
