using System.Text.Json;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// What each seed provider accepts inside <c>parameters</c> and as media, so the emulator rejects what the provider
/// would (facts from shared/provider-parameters.md). Value sets marked "catalog" come from the model's params.video.
/// </summary>
internal static class ProviderParameterRules
{
    public sealed record Rule(JsonValueKind Kind, Func<VideoModelInfo, IReadOnlyCollection<string>?>? Allowed = null, (double Min, double Max)? Range = null, bool Integer = false);

    private static readonly Func<VideoModelInfo, IReadOnlyCollection<string>?> CatalogResolutions = m => m.Params?.Video?.Resolutions?.ToArray();
    private static readonly Func<VideoModelInfo, IReadOnlyCollection<string>?> CatalogAspectRatios = m => m.Params?.Video?.AspectRatios?.ToArray();

    private static readonly Dictionary<string, Dictionary<string, Rule>> ByProvider = new(StringComparer.Ordinal)
    {
        ["openai"] = new(StringComparer.Ordinal)
        {
            ["seconds"] = new(JsonValueKind.String, _ => ["4", "8", "12"]),
            ["size"] = new(JsonValueKind.String, m => m.Id.EndsWith("-pro", StringComparison.Ordinal)
                ? ["720x1280", "1280x720", "1024x1792", "1792x1024"]
                : ["720x1280", "1280x720"]),
        },
        ["vertexai"] = new(StringComparer.Ordinal)
        {
            ["durationSeconds"] = new(JsonValueKind.Number, _ => ["4", "6", "8"]),
            ["resolution"] = new(JsonValueKind.String, CatalogResolutions),
            ["aspectRatio"] = new(JsonValueKind.String, CatalogAspectRatios),
            ["generateAudio"] = new(JsonValueKind.True),
            ["negativePrompt"] = new(JsonValueKind.String),
            ["seed"] = new(JsonValueKind.Number, Range: (0, 4294967295), Integer: true),
            ["personGeneration"] = new(JsonValueKind.String, _ => ["allow_adult", "dont_allow"]),
            ["sampleCount"] = new(JsonValueKind.Number, Range: (1, 4), Integer: true),
        },
        ["xai"] = new(StringComparer.Ordinal)
        {
            ["duration"] = new(JsonValueKind.Number, Range: (1, 15), Integer: true),
            ["aspect_ratio"] = new(JsonValueKind.String, CatalogAspectRatios),
            ["resolution"] = new(JsonValueKind.String, CatalogResolutions),
        },
        ["pruna"] = new(StringComparer.Ordinal)
        {
            ["resolution"] = new(JsonValueKind.String, CatalogResolutions),
            ["aspect_ratio"] = new(JsonValueKind.String, CatalogAspectRatios),
            ["seed"] = new(JsonValueKind.Number, Integer: true),
            ["num_frames"] = new(JsonValueKind.Number, Range: (81, 121), Integer: true),
        },
    };

    /// <summary>Media source kinds each provider accepts; a provider not listed accepts any.</summary>
    private static readonly Dictionary<string, MediaSourceKind[]> MediaKinds = new(StringComparer.Ordinal)
    {
        ["openai"] = [MediaSourceKind.Url, MediaSourceKind.DataUri],
        ["vertexai"] = [MediaSourceKind.DataUri, MediaSourceKind.GcsUri],
        ["xai"] = [MediaSourceKind.Url],
        ["pruna"] = [MediaSourceKind.Url],
    };

    public static IReadOnlyDictionary<string, Rule>? For(string? provider) =>
        provider is not null && ByProvider.TryGetValue(provider, out var rules) ? rules : null;

    public static bool AcceptsMedia(string? provider, MediaSourceKind kind) =>
        kind != MediaSourceKind.Unknown && (provider is null || !MediaKinds.TryGetValue(provider, out var kinds) || kinds.Contains(kind));

    public static string DescribeMedia(string? provider) =>
        provider is not null && MediaKinds.TryGetValue(provider, out var kinds)
            ? string.Join(" or ", kinds.Select(kind => kind switch
            {
                MediaSourceKind.Url => "a public http(s) URL",
                MediaSourceKind.DataUri => "a base64 data-URI",
                _ => "a gs:// URI",
            }))
            : "an http(s) URL, data-URI or gs:// URI";
}
