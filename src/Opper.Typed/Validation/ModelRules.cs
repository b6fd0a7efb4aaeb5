using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed;

/// <summary>
/// The provider rules of one model, from its generated <see cref="VideoModelSpec"/>: which inputs it takes, in which
/// forms, and which parameters with which JSON types and values. The client's validator and the emulator both ask
/// these, so what the SDK refuses and what the emulator rejects cannot drift apart.
/// </summary>
internal static class ModelRules
{
    /// <summary>
    /// Every rule of one model over a request, in order: each media input, the image-size rule, each parameter. The client's
    /// validator and the emulator both call this, each after its own structural checks.
    /// </summary>
    public static IEnumerable<RuleViolation> Check(VideoModelSpec model, IEnumerable<(string Field, string Value)> media, IEnumerable<KeyValuePair<string, JsonNode?>> parameters)
    {
        string? image = null;
        foreach (var (field, value) in media)
        {
            image = field == "image" ? value : image;
            if (CheckMedia(model, field, value) is { } violation)
            {
                yield return violation;
            }
        }

        var parameterList = parameters.ToList();
        if (image is not null && model.ImageSizeParameter is { } sizeParameter
            && parameterList.FirstOrDefault(p => p.Key == sizeParameter).Value is JsonValue size && size.GetValueKind() == JsonValueKind.String
            && CheckImageSize(model, image, size.GetValue<string>()) is { } sizeViolation)
        {
            yield return sizeViolation;
        }

        foreach (var (name, value) in parameterList)
        {
            if (CheckParameter(model, name, value) is { } violation)
            {
                yield return violation;
            }
        }
    }

    public static RuleViolation? CheckMedia(VideoModelSpec model, string field, string value)
    {
        var capability = field == "video" ? "video_editing" : "image_to_video";
        if (!model.Capabilities.Contains(capability))
        {
            return new RuleViolation(field, $"is not taken by {model.Id} (it has no {capability} capability)",
                field == "video" ? "Use a video-editing model such as pruna/vace." : "Use an image-to-video model, or drop the input.", "unsupported_input");
        }

        var kind = MediaInput.Parse(value).Kind;
        if (!model.AcceptedMedia.Contains(kind))
        {
            return new RuleViolation(field, $"must be {Describe(model)}; got {Describe(kind)}", FixFor(model), "invalid_media");
        }

        if (kind == MediaSourceKind.Url && model.PublicUrlsOnly && PublicUrl.WhyNotPublic(value) is { } reason)
        {
            return new RuleViolation(field, $"is {reason}, which {model.Provider}'s servers cannot fetch", "Host the file at a public URL.", "invalid_media");
        }

        return null;
    }

    /// <summary>Sora: a data-URI image must have exactly the pixel size of the requested <c>size</c>.</summary>
    public static RuleViolation? CheckImageSize(VideoModelSpec model, string image, string? requestedSize)
    {
        if (model.ImageSizeParameter is not { } parameter || requestedSize is null || ImageDimensions.OfDataUri(image) is not { } actual
            || string.Equals(actual, requestedSize, StringComparison.Ordinal))
        {
            return null;
        }

        return new RuleViolation("image", $"is {actual} pixels, but {model.Id} needs it to equal {parameter} {requestedSize}",
            $"Resize the image to {requestedSize}, or request the {parameter} that matches it.", "invalid_media");
    }

    public static RuleViolation? CheckParameter(VideoModelSpec model, string name, JsonNode? value)
    {
        var field = "parameters." + name;
        var spec = model.Parameters.FirstOrDefault(p => p.Name == name);
        if (spec is null)
        {
            if (!model.HasTypedParameters)
            {
                return null;
            }

            var accepted = string.Join(", ", model.Parameters.Select(p => p.Name));
            var suggestion = Suggestions.Closest(name, model.Parameters.Select(p => p.Name));
            return new RuleViolation(field, $"is not a parameter of {model.Id}",
                (suggestion is null ? "" : $"Did you mean '{suggestion}'? ") + $"Accepted: {accepted}.", "invalid_parameter");
        }

        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        var fits = spec.Type switch
        {
            VideoParameterType.String => kind == JsonValueKind.String,
            VideoParameterType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            _ => kind == JsonValueKind.Number,
        };
        var shown = value?.ToJsonString() ?? "null";
        if (!fits)
        {
            return new RuleViolation(field, $"must be a JSON {TypeName(spec.Type)}; got {shown}", ConvertHint(spec, value), "invalid_parameter");
        }

        if (spec.AllowedValues.Count > 0 && !spec.AllowedValues.Any(allowed => SameValue(allowed, value!)))
        {
            return new RuleViolation(field, $"must be one of {string.Join(", ", spec.AllowedValues)}; got {shown}", "Use one of the listed values.", "invalid_parameter");
        }

        if (kind == JsonValueKind.Number && OutOfRange(spec, NumberOf(value!)))
        {
            return new RuleViolation(field, $"must be {(spec.Type == VideoParameterType.Integer ? "an integer" : "a number")}{RangeText(spec)}; got {shown}",
                "Use a value in the range.", "invalid_parameter");
        }

        return null;
    }

    private static bool SameValue(string allowedJson, JsonNode value)
    {
        var allowed = JsonNode.Parse(allowedJson)!;
        return value.GetValueKind() == JsonValueKind.Number && allowed.GetValueKind() == JsonValueKind.Number
            ? NumberOf(allowed) == NumberOf(value)
            : JsonNode.DeepEquals(allowed, value);
    }

    /// <summary>A number node's value whatever CLR type backs it (GetValue&lt;double&gt; refuses a node made from an int).</summary>
    private static double NumberOf(JsonNode number) => double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool OutOfRange(VideoParameterSpec spec, double number) =>
        (spec.Type == VideoParameterType.Integer && number != Math.Floor(number))
        || number < (spec.Minimum ?? double.MinValue)
        || number > (spec.Maximum ?? double.MaxValue);

    private static string RangeText(VideoParameterSpec spec) => (spec.Minimum, spec.Maximum) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $" from {min} to {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $" of at least {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $" of at most {max}"),
        _ => "",
    };

    private static string ConvertHint(VideoParameterSpec spec, JsonNode? value) => spec.Type switch
    {
        VideoParameterType.String when value is not null => $"Send it as a string: {JsonSerializer.Serialize(value.ToJsonString(), OpperJsonContext.Default.String)}.",
        VideoParameterType.Number or VideoParameterType.Integer when value?.GetValueKind() == JsonValueKind.String => $"Send it as a number: {value.GetValue<string>()}.",
        _ => $"Send a JSON {TypeName(spec.Type)}.",
    };

    private static string TypeName(VideoParameterType type) => type switch
    {
        VideoParameterType.String => "string",
        VideoParameterType.Boolean => "boolean",
        VideoParameterType.Integer => "integer",
        _ => "number",
    };

    private static string Describe(VideoModelSpec model) => MediaWording.Accepted(model.AcceptedMedia.Select(KindName), model.PublicUrlsOnly);

    private static string Describe(MediaSourceKind kind) => MediaWording.Given(kind == MediaSourceKind.Unknown ? null : KindName(kind));

    private static string KindName(MediaSourceKind kind) => kind switch
    {
        MediaSourceKind.Url => MediaSourceClassifier.Url,
        MediaSourceKind.DataUri => MediaSourceClassifier.DataUri,
        _ => MediaSourceClassifier.Gcs,
    };

    private static string FixFor(VideoModelSpec model) =>
        model.AcceptedMedia.Contains(MediaSourceKind.DataUri)
            ? "Send the bytes inline with MediaInput.FromFile or FromBytes" + (model.AcceptedMedia.Contains(MediaSourceKind.GcsUri) ? ", or a gs:// URI with MediaInput.FromGcs." : ".")
            : "Upload the file and pass its public URL with MediaInput.FromUrl.";
}
