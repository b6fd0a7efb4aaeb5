using Spectre.Console;

namespace Opper.Typed.Cli;

/// <summary>
/// Where a command writes, as Unix tools do: data (records, tables, the saved path) to standard output, messages,
/// progress and errors to standard error. When standard output is not a terminal, data is plain text, one record per
/// line, never wrapped and with no ANSI codes, so <c>opper-typed models | grep veo</c> finds whole ids.
/// </summary>
internal sealed class CliOutput(TextWriter data, IAnsiConsole rich, IAnsiConsole messages, TextWriter messageLines, bool dataIsTerminal)
{
    /// <summary>Plain data lines (standard output).</summary>
    public TextWriter Data { get; } = data;

    /// <summary>Standard output for tables and colour, used only when <see cref="DataIsTerminal"/>.</summary>
    public IAnsiConsole Rich { get; } = rich;

    /// <summary>Messages, progress and errors (standard error).</summary>
    public IAnsiConsole Messages { get; } = messages;

    /// <summary>
    /// Standard error as plain text: for a line that must stay one line to be copied, such as a resume command (Spectre
    /// wraps at the terminal's width by inserting line breaks).
    /// </summary>
    public TextWriter MessageLines { get; } = messageLines;

    /// <summary>Standard output is a terminal a person reads, not a pipe or a file.</summary>
    public bool DataIsTerminal { get; } = dataIsTerminal;

    /// <summary>The process's own streams, each styled for what it is attached to.</summary>
    public static CliOutput ForProcess()
    {
        var rich = Create(Console.Out, !Console.IsOutputRedirected);
        var messages = Create(Console.Error, !Console.IsErrorRedirected);
        return new CliOutput(Console.Out, rich, messages, Console.Error, !Console.IsOutputRedirected);
    }

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // A log file or a pipe has no width: a message wrapped at 80 columns would split ids and paths.
            console.Profile.Width = 4096;
        }

        return console;
    }
}
