using System.CommandLine;
using Spectre.Console;
using Opper.Typed.Cli.Jobs;

namespace Opper.Typed.Cli.Commands;

/// <summary><c>generate</c>: check every input, submit, follow and download one clip, atomically.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "The model id, e.g. vertexai/veo-3.1-fast-generate-001.", Required = true };
        var prompt = new Option<string>("--prompt") { Description = "What the clip shows.", Required = true };
        var parameters = new Option<string[]>("--param") { Description = "A parameter as key=value; repeat for more. The JSON type follows the model's dialect." };
        var image = new Option<string?>("--image") { Description = "Reference image: a file path or a URL." };
        var video = new Option<string?>("--video") { Description = "Source video: a file path or a URL." };
        var output = new Option<string>("--out") { Description = "Where to write the clip; its folder must exist.", Required = true };
        var noEmulator = new Option<bool>("--no-emulator") { Description = "Fail instead of using the local emulator when OPPER_API_KEY is not set." };
        var strict = new Option<bool>("--strict") { Description = "Refuse a model the catalog snapshot does not know instead of sending it (the live catalog may be newer)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the inputs, print the request body and its estimated cost, and send nothing." };
        var command = context.Connecting(new Command("generate", "Generate a clip and write it to a file.") { model, prompt, parameters, image, video, output, noEmulator, strict, dryRun });
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            // Every input and the output path before any connection: a bad one costs nothing, not even an emulator.
            var (request, path, warnings) = GenerateInputs.Read(
                parse.GetValue(model)!, parse.GetValue(prompt)!, parse.GetValue(parameters) ?? [], parse.GetValue(image), parse.GetValue(video), parse.GetValue(output)!, parse.GetValue(strict));
            foreach (var warning in warnings)
            {
                context.Messages.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
            }

            if (parse.GetValue(dryRun))
            {
                return DryRun.Print(context, request);
            }

            var (client, emulator) = await context.ConnectAsync(parse, allowEmulator: !parse.GetValue(noEmulator), cancellationToken);
            await using (emulator)
            using (client)
            {
                VideoGenerationOperation operation;
                try
                {
                    operation = await client.StartGenerationAsync(request, cancellationToken);
                }
                catch (VideoSubmissionUncertainException exception) when (exception.JobId is { } id)
                {
                    // The answer broke off after naming the job: it exists and is billed, so say how to fetch it.
                    throw new CliResumableException(JobDownload.FollowUp(parse, context, id, path, emulator), exception);
                }

                context.Messages.WriteLine($"Submitted job {operation.Id}");
                await JobDownload.RunAsync(context, parse, operation, path, emulator, cancellationToken);
                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
