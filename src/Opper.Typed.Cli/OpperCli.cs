using System.CommandLine;
using Opper.Typed.Cli.Commands;
using Opper.Typed.Cli.Jobs;
using Spectre.Console;

namespace Opper.Typed.Cli;

/// <summary>The <c>opper-typed</c> command line: parsing with System.CommandLine, output with Spectre.Console.</summary>
internal static class OpperCli
{
    public static async Task<int> RunAsync(string[] args, CliOutput output, Func<string, string?> environment, TextReader? input = null, CancellationToken cancellationToken = default)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces with errors.", Recursive = true };
        var context = new CliContext(output, environment, verbose) { Input = input ?? Console.In };
        var root = new RootCommand("opper-typed: generate clips with Opper, follow and download jobs, list the video models, pull and diff catalog snapshots.")
        {
            verbose,
            GenerateCommand.Create(context),
            JobCommands.CreateStatus(context),
            JobCommands.CreateDownload(context),
            FilesCommands.Create(context),
            ModelsCommand.Create(context),
            CatalogCommands.Create(context),
            EmulatorCommand.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                output.Messages.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }

            // Joined as words, so the root's own errors say "opper-typed --help" with one space.
            output.Messages.MarkupLineInterpolated($"See '{string.Join(' ', ["opper-typed", .. CommandPath(parse.CommandResult), "--help"])}'.");
            return ExitCodes.Usage;
        }

        // Help and version are data a user may page or grep: standard output.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output.Data, Error = new MessageWriter(output.Messages) }, cancellationToken);
    }

    /// <summary>
    /// Runs a command body: errors become readable lines on standard error with the documented exit code (a stack
    /// trace only with --verbose); after a paid submit, the line that resumes the job comes last.
    /// </summary>
    public static async Task<int> Guard(CliContext context, ParseResult parse, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliResumableException exception)
        {
            // Whatever the cause, the job exists and is billed: the way back to it is printed last, and whole.
            var cause = exception.InnerException!;
            var code = IsExpected(cause) ? Report(context, parse, cause) : ReportUnexpected(context, cause);
            context.Output.MessageLines.WriteLine(exception.FollowUp);
            return code;
        }
        catch (Exception exception) when (IsExpected(exception))
        {
            return Report(context, parse, exception);
        }
    }

    private static bool IsExpected(Exception exception) =>
        exception is CliInputException or OpperException or OperationCanceledException or ArgumentException or InvalidOperationException
            or IOException or UnauthorizedAccessException or HttpRequestException or System.Text.Json.JsonException;

    private static int Report(CliContext context, ParseResult parse, Exception exception)
    {
        var messages = context.Messages;
        switch (exception)
        {
            case CliInputException input:
                foreach (var problem in input.Problems)
                {
                    messages.MarkupLineInterpolated($"[red]error:[/] {problem}");
                }

                return ExitCodes.Validation;
            case VideoGenerationCanceledException named:
                // Names the job (or says one may exist, when the POST's answer never came) and what it costs.
                messages.MarkupLineInterpolated($"[yellow]{WithoutLibraryAdvice(named.Message)}[/]");
                return ExitCodes.Cancelled;
            case OperationCanceledException:
                messages.MarkupLine("[yellow]Cancelled.[/]");
                return ExitCodes.Cancelled;
        }

        messages.MarkupLineInterpolated($"[red]error:[/] {WithoutLibraryAdvice(exception.Message)}");
        if (parse.GetValue(context.Verbose))
        {
            messages.WriteException(exception);
        }

        return exception switch
        {
            OpperValidationException => ExitCodes.Validation,
            VideoGenerationFailedException => ExitCodes.JobFailed,
            _ => ExitCodes.Error,
        };
    }

    /// <summary>
    /// The message without the client library's advice on resuming (<c>resume with client.GetGenerationOperation(…)</c>):
    /// C# means nothing on the command line, where the <c>opper-typed download</c> line that follows says how.
    /// </summary>
    private static string WithoutLibraryAdvice(string message)
    {
        var advice = message.IndexOf("resume with client.", StringComparison.Ordinal);
        return advice < 0 ? message : message[..advice].TrimEnd(' ', ':', ',', ';') + ".";
    }

    private static int ReportUnexpected(CliContext context, Exception exception)
    {
        context.Messages.MarkupLineInterpolated($"[red]error:[/] {exception.GetType().Name}: {exception.Message}");
        context.Messages.WriteException(exception);
        return ExitCodes.Error;
    }

    private static Stack<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (var current = result; current?.Parent is System.CommandLine.Parsing.CommandResult parent; current = parent)
        {
            names.Push(current.Command.Name);
        }

        return names;
    }

    /// <summary>System.CommandLine's own error text, routed to standard error unwrapped.</summary>
    private sealed class MessageWriter(IAnsiConsole console) : StringWriter
    {
        public override void Write(char value) => console.Write(new Text(value.ToString()));

        public override void Write(string? value) => console.Write(new Text(value ?? ""));
    }
}
