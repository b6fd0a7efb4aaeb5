namespace Opper.Typed;

/// <summary>
/// Checks a request before it is sent, so a request that cannot succeed costs no paid round trip. The provider rules
/// (inputs, media forms, parameter keys, JSON types, values) come from the generated model registry: the same rules
/// the emulator enforces. A model the registry does not know is only checked for structure (the catalog may be newer).
/// <see cref="OpperVideoClient.SubmitAsync"/> runs it unless <see cref="OpperVideoClientOptions.ValidateRequests"/> is off.
/// </summary>
public static class VideoRequestValidator
{
    /// <summary>Validates a request.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="OpperValidationException">The first problem found, naming the field, the value and the fix.</exception>
    public static void Validate(IVideoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.ToWireRequest());
    }

    /// <summary>Returns every problem of a request rather than throwing at the first.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The problems; empty when the request is valid.</returns>
    public static IReadOnlyList<OpperValidationException> FindProblems(IVideoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wire = request.ToWireRequest();
        return Violations(wire).Select(v => v.ToException(ModelName(wire))).ToList();
    }

    internal static void Validate(VideoWireRequest wire)
    {
        if (Violations(wire).FirstOrDefault() is { } violation)
        {
            throw violation.ToException(ModelName(wire));
        }
    }

    private static IEnumerable<RuleViolation> Violations(VideoWireRequest wire)
    {
        if (string.IsNullOrWhiteSpace(wire.Model))
        {
            yield return new RuleViolation("model", "is empty", "Pass a model id such as \"openai/sora-2\" (GET /v3/videos/models lists them).", "invalid_request");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(wire.Prompt))
        {
            yield return new RuleViolation("prompt", "is empty", "Describe the clip in the prompt.", "invalid_request");
        }

        var media = Media(wire).ToList();
        foreach (var (field, value) in media.Where(m => MediaInput.Parse(m.Value).Kind == MediaSourceKind.Unknown))
        {
            var shown = value.Length <= 64 ? value : value[..61] + "...";
            yield return new RuleViolation(field, $"is '{shown}', which is not an http(s) URL, a base64 data-URI or a gs:// URI",
                "Use MediaInput.FromFile(path) for a local file, or MediaInput.FromUrl for a public URL.", "invalid_media");
        }

        if (!VideoModelRegistry.TryGet(wire.Model, out var model))
        {
            yield break;
        }

        if (model.RetiredAt is not null)
        {
            yield return new RuleViolation("model", $"was retired on {model.RetiredAt}",
                model.Successor is null ? "Choose another model." : $"Use {model.Successor} instead.", "model_retired");
        }

        // Media that is no URL or data-URI at all was reported above; the model's rules judge the rest.
        var known = media.Where(m => MediaInput.Parse(m.Value).Kind != MediaSourceKind.Unknown);
        foreach (var violation in ModelRules.Check(model, known, wire.Parameters))
        {
            yield return violation;
        }
    }

    private static IEnumerable<(string Field, string Value)> Media(VideoWireRequest wire)
    {
        if (wire.Image is not null)
        {
            yield return ("image", wire.Image);
        }

        if (wire.Video is not null)
        {
            yield return ("video", wire.Video);
        }

        for (var i = 0; i < (wire.ReferenceImages?.Count ?? 0); i++)
        {
            yield return ($"reference_images[{i}]", wire.ReferenceImages![i]);
        }
    }

    private static string ModelName(VideoWireRequest wire) => string.IsNullOrWhiteSpace(wire.Model) ? "(no model)" : wire.Model;
}
