using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Cli.Jobs;

/// <summary>
/// Turns <c>generate</c>'s options into a request and a checked output path, or refuses with every problem at once,
/// each in command-line words (<c>--param seconds</c>, <c>--image cat.png</c>), before anything is sent.
/// </summary>
internal static class GenerateInputs
{
    /// <param name="strict">Refuse what is sent only with a warning (a model the snapshot does not know) instead of sending it.</param>
    /// <returns>The request, the checked path, and warnings to print before sending (a model the snapshot does not know, with "did you mean").</returns>
    /// <exception cref="CliInputException">Anything the API or the model would refuse, or an unusable path.</exception>
    public static (VideoRequest Request, string Path, IReadOnlyList<string> Warnings) Read(
        string model, string prompt, IEnumerable<string> parameters, string? image, string? video, string output, bool strict = false)
    {
        var problems = new List<string>();
        var request = new VideoRequest(model, prompt)
        {
            Image = Media("--image", image, problems),
            Video = Media("--video", video, problems),
        };
        foreach (var parameter in parameters)
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"--param {parameter}: is not key=value, e.g. --param durationSeconds=4.");
                continue;
            }

            var key = parameter[..equals];
            request.Parameters[key] = Typed(model, key, parameter[(equals + 1)..]);
        }

        var path = OutputPath.Check(output, problems);
        // A local file goes inline where the provider takes data-URIs and is uploaded to Opper Files (sent as its file id)
        // where it does not: the client does that, so the rules must not refuse it as a data-URI.
        var local = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (given, media) in new[] { (image, request.Image), (video, request.Video) })
        {
            if (given is not null && media?.Kind == MediaSourceKind.DataUri && File.Exists(given))
            {
                local.Add(media.Value);
            }
        }

        var found = VideoRequestValidator.Check(request.ToWireRequest(), spec: null, additionalKeys: null, VideoModelCatalog.Default, out var notices, local.Contains);
        problems.AddRange((found ?? []).Select(InCommandLineWords));

        // A model newer than the snapshot is sent (the live catalog may have it), but a typo should not cost a round trip
        // unexplained: say so first, or refuse with --strict.
        var warnings = (notices ?? []).Where(notice => notice.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(notice => notice.Message).ToList();
        if (strict)
        {
            problems.AddRange(warnings.Select(warning => $"{warning} (--strict sends only what the snapshot knows)"));
            warnings.Clear();
        }

        return problems.Count > 0 ? throw new CliInputException(problems) : (request, path!, warnings);
    }

    /// <summary>A URL or data-URI as given; anything else is a local file, which must exist.</summary>
    private static MediaInput? Media(string option, string? value, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("gs://", StringComparison.OrdinalIgnoreCase)
                || (value.StartsWith("file_", StringComparison.Ordinal) && !File.Exists(value)))
            {
                // A file id from 'opper-typed files upload' or a clip's 'stored as' is sent as it is; a malformed one is the rules' to name.
                return MediaInput.Parse(value);
            }

            if (!File.Exists(value))
            {
                problems.Add($"{option} {value}: file not found (give a path to an existing file, an https:// URL, or a file id from 'opper-typed files upload').");
                return null;
            }

            return MediaInput.FromFile(value);
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{option} {value}: {exception.Message}");
            return null;
        }
    }

    /// <summary>The value in the JSON type the model's dialect wants; for unknown keys and models, JSON if it parses, else a string.</summary>
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

    /// <summary><c>'parameters.seconds' must be …</c> becomes <c>--param seconds must be …</c>: the option the user typed.</summary>
    /// <param name="problem">The rule's finding.</param>
    private static string InCommandLineWords(OpperValidationException problem)
    {
        var option = problem.Field switch
        {
            _ when problem.Field.StartsWith("parameters.", StringComparison.Ordinal) => "--param " + problem.Field["parameters.".Length..],
            "image" or "video" or "model" or "prompt" => "--" + problem.Field,
            _ => problem.Field,
        };
        var model = problem.Problem.Contains(problem.Model, StringComparison.Ordinal) ? "" : $" ({problem.Model})";
        if (option is "--image" or "--video" && problem.Fix.Contains("MediaInput", StringComparison.Ordinal))
        {
            // The rules' fixes speak C# (MediaInput.FromFile, client.Files); on the command line every model takes a
            // local path (inlined or uploaded for you) or a file id from 'opper-typed files upload'.
            return $"{option} {problem.Problem}{model}. Pass a local path ({option} ./file), which is sent inline or uploaded to Opper Files as the model needs, or a file id from 'opper-typed files upload'.";
        }

        return $"{option} {problem.Problem}{model}. {problem.Fix}";
    }
}
