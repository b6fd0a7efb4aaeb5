using Opper.Typed.Emulator;
using Spectre.Console;

namespace Opper.Typed.Cli.Tests.Support;

/// <summary>What one in-process run of the CLI printed: standard output and standard error apart, as a pipe sees them.</summary>
public sealed record CliRun(int Code, string Out, string Err);

/// <summary>Runs <c>opper-typed</c> in-process with captured, redirected (non-terminal) streams and an environment of its own.</summary>
public static class CliRunner
{
    /// <summary>With an emulator, pointed at it with its key, as a user with OPPER_API_KEY and --base-url would.</summary>
    public static Task<CliRun> RunAsync(OpperEmulator? emulator, params string[] args) => RunAsync(emulator, CancellationToken.None, args);

    public static Task<CliRun> RunAsync(OpperEmulator? emulator, CancellationToken cancellationToken, params string[] args) =>
        emulator is null
            ? RunAsync(new Dictionary<string, string?>(), args, cancellationToken)
            : RunAsync(new Dictionary<string, string?> { ["OPPER_API_KEY"] = emulator.ApiKey }, [.. args, "--base-url", emulator.BaseAddress.ToString()], cancellationToken);

    /// <summary>With OPPER_API_KEY set and the arguments exactly as given (a command pasted from the CLI's own output).</summary>
    public static Task<CliRun> RunWithKeyAsync(string apiKey, params string[] args) =>
        RunAsync(new Dictionary<string, string?> { ["OPPER_API_KEY"] = apiKey }, args, CancellationToken.None);

    /// <summary>With exactly this environment (OPPER_API_KEY, OPPER_BASE_URL) and the arguments as given.</summary>
    public static Task<CliRun> RunWithEnvironmentAsync(Dictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, args, CancellationToken.None);

    /// <summary>With exactly this environment and text on standard input (what <c>--api-key-file -</c> reads).</summary>
    public static Task<CliRun> RunWithInputAsync(Dictionary<string, string?> environment, string input, params string[] args) =>
        RunAsync(environment, args, CancellationToken.None, input: new StringReader(input));

    /// <summary>Starts a command that runs until cancelled (the emulator); its standard output can be read meanwhile.</summary>
    public static (Task<CliRun> Run, Func<string> OutSoFar) Start(CancellationToken cancellationToken, params string[] args)
    {
        var data = new SynchronizedStringWriter();
        return (RunAsync([], args, cancellationToken, data), data.ToString);
    }

    private static async Task<CliRun> RunAsync(Dictionary<string, string?> environment, string[] args, CancellationToken cancellationToken, SynchronizedStringWriter? data = null, TextReader? input = null)
    {
        data ??= new SynchronizedStringWriter();
        var messages = new SynchronizedStringWriter();

        var output = new CliOutput(data, Plain(data), Plain(messages), messages, dataIsTerminal: false);
        var code = await OpperCli.RunAsync(args, output, name => environment.GetValueOrDefault(name), input ?? TextReader.Null, cancellationToken);
        return new CliRun(code, data.ToString(), messages.ToString());
    }

    /// <summary>A console as the CLI makes one for a redirected stream: no ANSI, no colour, not interactive, no wrapping.</summary>
    public static IAnsiConsole Plain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 4096;
        return console;
    }

    /// <summary>Read while a command still runs (the emulator command prints its address, then waits).</summary>
    private sealed class SynchronizedStringWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_gate)
            {
                base.Write(buffer, index, count);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }
    }
}
