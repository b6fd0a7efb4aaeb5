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
        var apiKey = new Option<string?>("--api-key") { Description = "Accept only this bearer key (a wrong one gets 401, as from the real API); default: any key." };
        var jobSeconds = new Option<double?>("--job-seconds") { Description = "How long each job stays processing before it completes (default 3; 0 completes at the first poll)." };
        var log = new Option<string?>("--log") { Description = "Append one JSON line per request to this file (the key redacted), e.g. to count POSTs in your tests." };
        var command = new Command("emulator", "Run the local Opper emulator until Ctrl+C.") { port, catalog, apiKey, jobSeconds, log };
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            if (parse.GetValue(jobSeconds) is < 0 or > 86400)
            {
                throw new CliInputException([$"--job-seconds {parse.GetValue(jobSeconds)}: give seconds from 0 to 86400."]);
            }

            var options = new OpperEmulatorOptions
            {
                Port = parse.GetValue(port),
                CatalogPath = parse.GetValue(catalog)?.FullName,
                ApiKey = parse.GetValue(apiKey),
                RequestLogPath = parse.GetValue(log) is { } logPath ? Path.GetFullPath(logPath) : null,
            };
            if (parse.GetValue(jobSeconds) is { } seconds)
            {
                options.JobDuration = TimeSpan.FromSeconds(seconds);
            }

            await using var emulator = await OpperEmulator.StartAsync(options, cancellationToken);
            // The address is data (a script reads it); the rest is for the person watching.
            context.Output.Data.WriteLine(emulator.BaseAddress);
            context.Output.Data.Flush();
            var keys = parse.GetValue(apiKey) is null ? $"any bearer key works, e.g. {emulator.ApiKey}" : "only the --api-key given is accepted";
            context.Messages.MarkupLineInterpolated($"Opper emulator at [green]{emulator.BaseAddress}[/] (downloads at {emulator.DownloadBaseAddress}); {keys}.");
            context.Messages.WriteLine("Press Ctrl+C to stop.");
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
