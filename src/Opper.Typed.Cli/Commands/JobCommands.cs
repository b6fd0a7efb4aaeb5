using System.CommandLine;
using Opper.Typed.Cli.Jobs;
using Spectre.Console;

namespace Opper.Typed.Cli.Commands;

/// <summary><c>status</c> and <c>download</c>: pick up a job by id, e.g. one that <c>generate</c> left running after Ctrl+C.</summary>
internal static class JobCommands
{
    public static Command CreateStatus(CliContext context)
    {
        var id = new Argument<string>("job-id") { Description = "The job id, e.g. gen_01H…" };
        var command = context.Connecting(new Command("status", "Poll a job once and print its id, status and URL (or error), tab-separated; exit 4 when it failed.") { id });
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            var (client, _) = await context.ConnectAsync(parse, allowEmulator: false, cancellationToken);
            using (client)
            {
                var status = await client.GetStatusAsync(parse.GetValue(id)!, cancellationToken);
                var detail = status.State == VideoJobState.Failed ? status.Error : status.Url;
                if (context.Output.DataIsTerminal)
                {
                    context.Output.Rich.MarkupLineInterpolated($"Job {status.Id}: [bold]{status.Status}[/] {detail ?? ""}");
                }
                else
                {
                    context.Output.Data.WriteLine($"{status.Id}\t{status.Status}\t{detail}");
                }

                // The query succeeded either way; the code tells a script the job's fate.
                return status.State == VideoJobState.Failed ? ExitCodes.JobFailed : ExitCodes.Ok;
            }
        }));
        return command;
    }

    public static Command CreateDownload(CliContext context)
    {
        var id = new Argument<string>("job-id") { Description = "The job id, e.g. gen_01H…" };
        var output = new Option<string>("--out") { Description = "Where to write the clip; its folder must exist.", Required = true };
        var command = context.Connecting(new Command("download", "Wait for a job if it still runs, then download its clip (an expired URL is refreshed).") { id, output });
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            var problems = new List<string>();
            var path = OutputPath.Check(parse.GetValue(output)!, problems) ?? throw new CliInputException(problems);
            var (client, _) = await context.ConnectAsync(parse, allowEmulator: false, cancellationToken);
            using (client)
            {
                await JobDownload.RunAsync(context, parse, client.GetGenerationOperation(parse.GetValue(id)!), path, emulator: null, cancellationToken);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
