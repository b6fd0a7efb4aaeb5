namespace Opper.Typed;

/// <summary>
/// Checks a request before it is sent, so a request that cannot succeed costs no paid round trip.
/// <see cref="OpperVideoClient.SubmitAsync"/> runs it unless <see cref="OpperVideoClientOptions.ValidateRequests"/> is off.
/// </summary>
public static class VideoRequestValidator
{
    /// <summary>Validates a request.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="OpperValidationException">The first problem found, naming the field and the fix.</exception>
    public static void Validate(IVideoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.ToWireRequest());
    }

    internal static void Validate(VideoWireRequest wire)
    {
        var model = string.IsNullOrWhiteSpace(wire.Model) ? "(no model)" : wire.Model;
        if (string.IsNullOrWhiteSpace(wire.Model))
        {
            throw new OpperValidationException(model, "model", "is empty", "Pass a model id such as \"openai/sora-2\" (GET /v3/videos/models lists them).");
        }

        if (string.IsNullOrWhiteSpace(wire.Prompt))
        {
            throw new OpperValidationException(model, "prompt", "is empty", "Describe the clip in the prompt.");
        }

        CheckMediaForm(model, "image", wire.Image);
        CheckMediaForm(model, "video", wire.Video);
        for (var i = 0; i < (wire.ReferenceImages?.Count ?? 0); i++)
        {
            CheckMediaForm(model, $"reference_images[{i}]", wire.ReferenceImages![i]);
        }
    }

    private static void CheckMediaForm(string model, string field, string? value)
    {
        if (value is not null && MediaInput.Parse(value).Kind == MediaSourceKind.Unknown)
        {
            var shown = value.Length <= 64 ? value : value[..61] + "...";
            throw new OpperValidationException(
                model, field, $"is '{shown}', which is not an http(s) URL, a base64 data-URI or a gs:// URI",
                "Use MediaInput.FromFile(path) for a local file, or MediaInput.FromUrl for a public URL.");
        }
    }
}
