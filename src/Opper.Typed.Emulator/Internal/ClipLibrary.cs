using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// The checked-in MP4 fixtures (tools/make-emulator-clips.sh), one per frame size. A job's clip has the frame size
/// its parameters asked for: Sora's <c>size</c>, else resolution × aspect ratio; 1280x720 otherwise.
/// </summary>
internal static class ClipLibrary
{
    public const string DefaultSize = "1280x720";

    private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

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

    private static bool Exists(string size)
    {
        using var stream = Open(size);
        return stream is not null;
    }

    private static Stream? Open(string size) => typeof(ClipLibrary).Assembly.GetManifestResourceStream($"Clips/{size}.mp4");

    private static string? TryString(JsonObject parameters, string name) =>
        parameters[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
