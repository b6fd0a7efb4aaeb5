using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// Rejects a <c>POST /v3/videos</c> body the way Opper or the provider would, with a v3 error. The provider rules
/// are the shared rules of <see cref="VideoRequestValidator"/>, the same the client and the analyzer apply.
/// </summary>
internal static class SubmissionValidator
{
    public sealed record Rejection(int Status, string Code, string Message, JsonObject? Details = null);

    public static Rejection? Validate(JsonNode? body, EmulatorCatalog catalog, out VideoModelInfo? model)
    {
        model = null;
        if (body is not JsonObject request)
        {
            return Invalid("The body must be a JSON object with model and prompt.");
        }

        var modelId = String(request, "model");
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return Invalid("'model' is required and must be a string.");
        }

        if (string.IsNullOrWhiteSpace(String(request, "prompt")))
        {
            return Invalid("'prompt' is required and must be a non-empty string.");
        }

        model = catalog.Find(modelId);
        if (model is null)
        {
            return new Rejection(404, "model_not_found", $"Model '{modelId}' is not available. Available video models: {string.Join(", ", catalog.Ids)}.");
        }

        var image = (string?)null;
        var video = (string?)null;
        var references = new List<string>();
        foreach (var (field, value) in MediaFields(request))
        {
            if (value?.GetValueKind() != JsonValueKind.String)
            {
                return Invalid($"'{field}' must be a string: an http(s) URL, a data-URI, a gs:// URI or a file id (file_…).", "invalid_media");
            }

            var text = value.GetValue<string>();
            if (field == "image")
            {
                image = text;
            }
            else if (field == "video")
            {
                video = text;
            }
            else
            {
                references.Add(text);
            }
        }

        if (request["store"] is { } store && store.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Invalid("'store' must be true or false: whether the output is saved to Files (default true).");
        }

        if (request["parameters"] is not (null or JsonObject))
        {
            return Invalid("'parameters' must be a JSON object.");
        }

        var wire = new VideoWireRequest(modelId, String(request, "prompt")!)
        {
            Image = image,
            Video = video,
            ReferenceImages = references.Count == 0 ? null : references,
            Parameters = (request["parameters"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        };

        // The same shared rules the client validates with, so what the SDK refuses and what the emulator rejects cannot drift apart.
        return VideoRequestValidator.FindProblems(wire, catalog.Rules) is [var first, ..] ? new Rejection(400, first.ErrorCode, first.Message) : null;
    }

    /// <summary>The media fields present, named as an error names them: <c>image</c>, <c>video</c>, <c>reference_images[i]</c>.</summary>
    public static IEnumerable<(string Field, JsonNode? Value)> MediaFields(JsonObject request)
    {
        foreach (var field in new[] { "image", "video" })
        {
            if (request.TryGetPropertyValue(field, out var value) && value is not null)
            {
                yield return (field, value);
            }
        }

        if (request["reference_images"] is JsonArray references)
        {
            for (var i = 0; i < references.Count; i++)
            {
                yield return ($"reference_images[{i}]", references[i]);
            }
        }
    }

    private static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static Rejection Invalid(string message, string code = "invalid_request") => new(400, code, message);
}
