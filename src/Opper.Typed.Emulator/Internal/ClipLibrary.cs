using System.Globalization;
using System.Text.Json;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// The checked-in MP4 fixtures (tools/make-emulator-clips.sh), one per frame size. A job's clip has the frame size
/// its parameters asked for: Sora's <c>size</c>, else resolution × aspect ratio; 1280x720 otherwise.
/// </summary>
internal static class ClipLibrary
{
    public const string DefaultSize = "1280x720";

    private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static string ChooseSize(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return DefaultSize;
        }

        if (TryString(parameters, "size") is { } size && Exists(size))
        {
            return size;
        }

        var resolution = TryString(parameters, "resolution") ?? "720p";
        var aspect = TryString(parameters, "aspect_ratio") ?? TryString(parameters, "aspectRatio") ?? "16:9";
        var candidate = FromResolutionAndAspect(resolution, aspect);
        return candidate is not null && Exists(candidate) ? candidate : DefaultSize;
    }

    public static byte[] Load(string size)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(size, out var bytes))
            {
                using var stream = Open(size) ?? Open(DefaultSize)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                Cache[size] = bytes = copy.ToArray();
            }

            return bytes;
        }
    }

    /// <summary>"720p" with "9:16" is 720x1280: the resolution names the short side.</summary>
    internal static string? FromResolutionAndAspect(string resolution, string aspect)
    {
        var parts = aspect.Split(':');
        if (!int.TryParse(resolution.TrimEnd('p', 'P'), NumberStyles.None, CultureInfo.InvariantCulture, out var shortSide)
            || parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || w == 0 || h == 0)
        {
            return null;
        }

        var longSide = (int)Math.Round(shortSide * (double)Math.Max(w, h) / Math.Min(w, h) / 2) * 2;
        return w >= h ? $"{longSide}x{shortSide}" : $"{shortSide}x{longSide}";
    }

    private static bool Exists(string size)
    {
        using var stream = Open(size);
        return stream is not null;
    }

    private static Stream? Open(string size) => typeof(ClipLibrary).Assembly.GetManifestResourceStream($"Clips/{size}.mp4");

    private static string? TryString(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
