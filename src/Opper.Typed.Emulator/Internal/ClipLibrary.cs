using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// The checked-in MP4 fixtures (tools/make-emulator-clips.sh), one per frame size. A job's clip has the frame size
/// its parameters asked for (Sora's <c>size</c>, else resolution × aspect ratio; 1280x720 otherwise) and lasts the
/// duration they asked for (<c>seconds</c>, <c>duration</c>, <c>durationSeconds</c>), else the provider's default.
/// </summary>
internal static class ClipLibrary
{
    public const string DefaultSize = "1280x720";

    /// <summary>The providers' words for a clip's length, as their dialects spell them.</summary>
    private static readonly string[] DurationNames = ["seconds", "duration", "durationSeconds", "duration_seconds"];

    /// <summary>Longer asks are served at this length: the rewrite's 32-bit timing fields hold about this much.</summary>
    private const double MaxSeconds = 60;

    private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    /// <summary>The length of a clip whose provider documents no default (the runtime's <c>ClipSeconds</c> states the documented ones).</summary>
    private const double FallbackSeconds = 5;

    /// <returns>The seconds asked for, else the model's provider's default (within the model's longest clip).</returns>
    public static double ChooseSeconds(JsonObject? parameters, VideoModelInfo model) =>
        AskedSeconds(parameters) ?? Math.Min(
            // The same documented defaults the client's cost estimate counts: one table, in the runtime.
            (model.Provider is { } provider ? ClipSeconds.ProviderDefault(provider) : null) ?? FallbackSeconds,
            model.Params?.Video?.MaxDuration is > 0 and double longest ? longest : MaxSeconds);

    private static double? AskedSeconds(JsonObject? parameters)
    {
        foreach (var name in DurationNames)
        {
            var value = parameters?[name] as JsonValue;
            var seconds = value?.GetValueKind() switch
            {
                JsonValueKind.Number => value.GetValue<double>(),
                JsonValueKind.String when double.TryParse(value.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => (double?)null,
            };
            if (seconds is > 0)
            {
                return Math.Min(seconds.Value, MaxSeconds);
            }
        }

        return null;
    }

    public static string ChooseSize(JsonObject? parameters)
    {
        if (parameters is null)
        {
            return DefaultSize;
        }

        if (TryString(parameters, "size") is { } size && Exists(size))
        {
            return size;
        }

        var resolution = TryString(parameters, "resolution") ?? "720p";
        var aspect = TryString(parameters, "aspect_ratio") ?? TryString(parameters, "aspectRatio") ?? "16:9";
        var candidate = VideoFrameSize.FromResolutionAndAspect(resolution, aspect);
        return candidate is not null && Exists(candidate) ? candidate : DefaultSize;
    }

    public static byte[] Load(string size, double? seconds = null)
    {
        byte[]? fixture;
        lock (Cache)
        {
            if (!Cache.TryGetValue(size, out fixture))
            {
                using var stream = Open(size) ?? Open(DefaultSize)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                Cache[size] = fixture = copy.ToArray();
            }
        }

        // Stretched per download, not cached: a copy of a few tens of kilobytes, and any number of lengths may be asked for.
        return seconds is { } asked ? ClipRetimer.Stretch(fixture, asked) ?? fixture : fixture;
    }

    private static bool Exists(string size)
    {
        using var stream = Open(size);
        return stream is not null;
    }

    private static Stream? Open(string size) => typeof(ClipLibrary).Assembly.GetManifestResourceStream($"Clips/{size}.mp4");

    private static string? TryString(JsonObject parameters, string name) =>
        parameters[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
