using System.Globalization;
using System.Text.Json;

namespace Opper.Typed.Emulator.Internal;

/// <summary>Rejects a <c>POST /v3/videos</c> body the way Opper or the provider would, with a v3 error.</summary>
internal static class SubmissionValidator
{
    public sealed record Rejection(int Status, string Code, string Message);

    public static Rejection? Validate(JsonElement body, EmulatorCatalog catalog, out VideoModelInfo? model)
    {
        model = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The body must be a JSON object with model and prompt.");
        }

        var modelId = String(body, "model");
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return Invalid("'model' is required and must be a string.");
        }

        if (string.IsNullOrWhiteSpace(String(body, "prompt")))
        {
            return Invalid("'prompt' is required and must be a non-empty string.");
        }

        model = catalog.Find(modelId);
        if (model is null)
        {
            return new Rejection(404, "model_not_found", $"Model '{modelId}' is not available. Available video models: {string.Join(", ", catalog.Ids)}.");
        }

        if (model.RetiredAt is not null)
        {
            return new Rejection(400, "model_retired", $"Model '{modelId}' was retired on {model.RetiredAt}" + (model.Successor is null ? "." : $"; use '{model.Successor}'."));
        }

        return ValidateMedia(body, model) ?? ValidateParameters(body, model);
    }

    private static Rejection? ValidateMedia(JsonElement body, VideoModelInfo model)
    {
        foreach (var (field, capability) in new[] { ("image", "image_to_video"), ("video", "video_editing") })
        {
            if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (!model.Capabilities.Contains(capability))
            {
                return new Rejection(400, "unsupported_input", $"Model '{model.Id}' does not take '{field}' (it has no {capability} capability).");
            }

            if (CheckMediaValue(model, field, value) is { } rejection)
            {
                return rejection;
            }
        }

        if (body.TryGetProperty("reference_images", out var references) && references.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var reference in references.EnumerateArray())
            {
                if (CheckMediaValue(model, $"reference_images[{index++}]", reference) is { } rejection)
                {
                    return rejection;
                }
            }
        }

        return null;
    }

    private static Rejection? CheckMediaValue(VideoModelInfo model, string field, JsonElement value)
    {
        var kind = value.ValueKind == JsonValueKind.String ? MediaInput.Parse(value.GetString()!).Kind : MediaSourceKind.Unknown;
        return ProviderParameterRules.AcceptsMedia(model.Provider, kind)
            ? null
            : Invalid($"'{field}' for {model.Id} must be {ProviderParameterRules.DescribeMedia(model.Provider)}; got {Describe(kind)}.", "invalid_media");
    }

    private static Rejection? ValidateParameters(JsonElement body, VideoModelInfo model)
    {
        if (!body.TryGetProperty("parameters", out var parameters) || parameters.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return Invalid("'parameters' must be a JSON object.");
        }

        var rules = ProviderParameterRules.For(model.Provider);
        if (rules is null)
        {
            return null;
        }

        foreach (var parameter in parameters.EnumerateObject())
        {
            if (!rules.TryGetValue(parameter.Name, out var rule))
            {
                return Invalid($"Unknown parameter '{parameter.Name}' for {model.Id}. Accepted: {string.Join(", ", rules.Keys)}.", "invalid_parameter");
            }

            var value = parameter.Value;
            var kindMatches = rule.Kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == rule.Kind;
            if (!kindMatches)
            {
                return Invalid($"Parameter '{parameter.Name}' for {model.Id} must be a JSON {KindName(rule.Kind)}; got {value.GetRawText()}.", "invalid_parameter");
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (rule.Allowed?.Invoke(model) is { Count: > 0 } allowed && !allowed.Contains(text))
            {
                return Invalid($"Parameter '{parameter.Name}' for {model.Id} must be one of {string.Join(", ", allowed)}; got {value.GetRawText()}.", "invalid_parameter");
            }

            if (value.ValueKind == JsonValueKind.Number && OutOfRange(rule, value.GetDouble()))
            {
                return Invalid($"Parameter '{parameter.Name}' for {model.Id} must be {(rule.Integer ? "an integer" : "a number")}{RangeText(rule)}; got {value.GetRawText()}.", "invalid_parameter");
            }
        }

        return null;
    }

    private static bool OutOfRange(ProviderParameterRules.Rule rule, double number) =>
        (rule.Integer && number != Math.Floor(number)) || (rule.Range is { } range && (number < range.Min || number > range.Max));

    private static string RangeText(ProviderParameterRules.Rule rule) =>
        rule.Range is { } range ? string.Create(CultureInfo.InvariantCulture, $" from {range.Min} to {range.Max}") : "";

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };

    private static string Describe(MediaSourceKind kind) => kind switch
    {
        MediaSourceKind.Url => "an http(s) URL",
        MediaSourceKind.DataUri => "a data-URI",
        MediaSourceKind.GcsUri => "a gs:// URI",
        _ => "something that is not a URL or data-URI",
    };

    private static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Rejection Invalid(string message, string code = "invalid_request") => new(400, code, message);
}
