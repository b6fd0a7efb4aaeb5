using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Opper.Typed.Cli.Commands;

/// <summary><c>generate</c>: validate, submit, follow and download one clip, atomically.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "The model id, e.g. openai/sora-2.", Required = true };
        var prompt = new Option<string>("--prompt") { Description = "What the clip shows.", Required = true };
        var parameters = new Option<string[]>("--param") { Description = "A parameter as key=value; repeat for more. The JSON type follows the model's dialect." };
        var image = new Option<string?>("--image") { Description = "Reference image: a file path or a URL." };
        var video = new Option<string?>("--video") { Description = "Source video: a file path or a URL." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the clip.", Required = true };
        var noEmulator = new Option<bool>("--no-emulator") { Description = "Fail instead of using the local emulator when OPPER_API_KEY is not set." };
        var command = new Command("generate", "Generate a clip and write it to a file.") { model, prompt, parameters, image, video, output, noEmulator };
        command.SetAction((parse, cancellationToken) => OpperCli.Guard(context, parse, async () =>
        {
            var request = new VideoRequest(parse.GetValue(model)!, parse.GetValue(prompt)!)
            {
                Image = Media(parse.GetValue(image)),
                Video = Media(parse.GetValue(video)),
            };
            foreach (var (key, value) in (parse.GetValue(parameters) ?? []).Select(Split))
            {
                request.Parameters[key] = Typed(request.Model, key, value);
            }

            VideoRequestValidator.Validate(request); // before any connection: a bad request costs nothing, not even an emulator
            var (client, emulator, _, _) = await context.ConnectAsync(parse, allowEmulator: !parse.GetValue(noEmulator), cancellationToken);
            await using (emulator)
            using (client)
            {
                var path = parse.GetValue(output)!.FullName;
                var done = await client.GenerateToFileAsync(request, path, new ConsoleProgress(context.Console), cancellationToken);
                var size = new FileInfo(path).Length;
                var seconds = Mp4Duration.Read(path);
                context.Console.MarkupLineInterpolated(
                    $"Saved [green]{path}[/] ({size.ToString("N0", CultureInfo.InvariantCulture)} bytes{(seconds is { } s ? $", {s.ToString("0.0", CultureInfo.InvariantCulture)} s" : "")}) from job {done.Id}");
                return 0;
            }
        }));
        return command;
    }

    private static MediaInput? Media(string? value) =>
        value is null ? null : File.Exists(value) ? MediaInput.FromFile(value) : MediaInput.Parse(value);

    private static (string Key, string Value) Split(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? (parameter[..equals], parameter[(equals + 1)..])
            : throw new ArgumentException($"--param '{parameter}' is not key=value, e.g. --param seconds=4.");
    }

    /// <summary>The value in the JSON type the model's dialect wants; for unknown models, JSON if it parses, else a string.</summary>
    private static JsonValue? Typed(string model, string key, string value)
    {
        var spec = OpperVideoModels.Catalog.TryGet(model, out var known) ? known.FindParameter(key) : null;
        if (spec?.Type == VideoParameterType.String)
        {
            return JsonValue.Create(value);
        }

        try
        {
            return JsonNode.Parse(value) is JsonValue parsed ? parsed : JsonValue.Create(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    /// <summary>Every report except the stream of download chunks; VideoProgress.ToString says what happened.</summary>
    private sealed class ConsoleProgress(IAnsiConsole console) : IProgress<VideoProgress>
    {
        public void Report(VideoProgress value)
        {
            if (value.Phase != VideoProgressPhase.Downloading)
            {
                console.WriteLine(value.ToString());
            }
        }
    }
}
