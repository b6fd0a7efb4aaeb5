using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// Rejects a <c>POST /v3/videos</c> body the way Opper or the provider would, with a v3 error. The provider rules
/// come from the generated model registry (<see cref="ModelRules"/>), the same rules the client validates with.
/// </summary>
internal static class SubmissionValidator
{
    public sealed record Rejection(int Status, string Code, string Message);

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

        if (model.RetiredAt is not null)
        {
            return new Rejection(400, "model_retired", $"Model '{modelId}' was retired on {model.RetiredAt}" + (model.Successor is null ? "." : $"; use '{model.Successor}'."));
        }

        // The user's own snapshot (registered by their assembly) first, then the emulator's built-in one.
        var spec = VideoModelRegistry.TryGet(modelId, out var registered) ? registered
            : OpperVideoModels.TryGet(modelId, out var builtIn) ? builtIn
            : Untyped(model);
        var media = new List<(string Field, string Value)>();
        foreach (var (field, value) in MediaFields(request))
        {
            if (value?.GetValueKind() != JsonValueKind.String)
            {
                return Invalid($"'{field}' must be a string: an http(s) URL, a data-URI or a gs:// URI.", "invalid_media");
            }

            media.Add((field, value.GetValue<string>()));
        }

        if (request["parameters"] is not (null or JsonObject))
        {
            return Invalid("'parameters' must be a JSON object.");
        }

        var parameters = request["parameters"] as JsonObject ?? [];
        return ModelRules.Check(spec, media, parameters).FirstOrDefault() is { } violation ? Reject(modelId, violation) : null;
    }

    /// <summary>A model of a served catalog that this build's registry does not know: capabilities only, parameters unchecked.</summary>
    private static VideoModelSpec Untyped(VideoModelInfo model) => new()
    {
        Id = model.Id,
        Provider = model.Provider ?? "",
        RequestTypeName = "",
        Capabilities = model.Capabilities,
        AcceptedMedia = [MediaSourceKind.Url, MediaSourceKind.DataUri, MediaSourceKind.GcsUri],
        Parameters = [],
    };

    private static IEnumerable<(string Field, JsonNode? Value)> MediaFields(JsonObject request)
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

    private static Rejection Reject(string modelId, RuleViolation violation) =>
        new(400, violation.Code, violation.ToException(modelId).Message);

    private static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static Rejection Invalid(string message, string code = "invalid_request") => new(400, code, message);
}
