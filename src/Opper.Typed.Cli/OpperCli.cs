using System.CommandLine;
using Opper.Typed.Cli.Commands;
using Spectre.Console;

namespace Opper.Typed.Cli;

/// <summary>The <c>opper-typed</c> command line: parsing with System.CommandLine, output with Spectre.Console.</summary>
internal static class OpperCli
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces with errors.", Recursive = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "The API's base address (default: OPPER_BASE_URL, else https://api.opper.ai).", Recursive = true };
        var context = new CliContext(console, environment, baseUrl, verbose);
        var root = new RootCommand("opper-typed: generate clips with Opper, list the video models, pull and diff catalog snapshots.")
        {
            verbose,
            baseUrl,
            GenerateCommand.Create(context),
            ModelsCommand.Create(context),
            CatalogCommands.Create(context),
            EmulatorCommand.Create(context),
        };

        var output = new StringWriter();
        var result = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, cancellationToken);
        if (output.GetStringBuilder().Length > 0)
        {
            console.Write(new Text(output.ToString()));
        }

        return result;
    }

    /// <summary>Runs a command body: errors become one readable line and exit code 1 (a stack trace only with --verbose).</summary>
    public static async Task<int> Guard(CliContext context, ParseResult parse, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (VideoGenerationCanceledException exception)
        {
            // The job keeps running and is billed: its id and how to resume are worth more than "Cancelled".
            context.Console.MarkupLineInterpolated($"[yellow]{exception.Message}[/]");
            return 130;
        }
        catch (OperationCanceledException)
        {
            context.Console.MarkupLine("[yellow]Cancelled.[/]");
            return 130;
        }
        catch (Exception exception) when (exception is OpperException or ArgumentException or InvalidOperationException or IOException or HttpRequestException or System.Text.Json.JsonException)
        {
            context.Console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
            if (parse.GetValue(context.Verbose))
            {
                context.Console.WriteException(exception);
            }

            return 1;
        }
    }
}
