using System.CommandLine;
using Opper.Typed.Emulator;
using Spectre.Console;

namespace Opper.Typed.Cli.Commands;

/// <summary><c>emulator</c>: run the local emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "The API port on 127.0.0.1 (default: a free one)." };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "A snapshot to serve instead of the built-in one." };
        var command = new Command("emulator", "Run the local Opper emulator until Ctrl+C.") { port, catalog };
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            await using var emulator = await OpperEmulator.StartAsync(
                new OpperEmulatorOptions { Port = parse.GetValue(port), CatalogPath = parse.GetValue(catalog)?.FullName }, cancellationToken);
            context.Console.MarkupLineInterpolated($"Opper emulator at [green]{emulator.BaseAddress}[/] (downloads at {emulator.DownloadBaseAddress}); any bearer key works, e.g. {emulator.ApiKey}.");
            context.Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        }));
        return command;
    }
}
