using System.Text;
using System.Text.Json.Nodes;

namespace Opper.Typed;

/// <summary>
/// What decides how long a job renders, as a key: the model and the request's short scalar parameters (duration, size,
/// resolution, aspect ratio…), and whether it starts from an image or a video. Prompts, image data, long strings and
/// seeds are left out: they change with every request, and a key that never repeats learns nothing.
/// </summary>
internal static class JobShape
{
    private const int LongestValue = 32;

    public static string Of(VideoWireRequest request)
    {
        var key = new StringBuilder(request.Model);
        if (request.Image is not null)
        {
            key.Append("|image");
        }

        if (request.Video is not null)
        {
            key.Append("|video");
        }

        foreach (var (name, value) in request.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value is JsonValue scalar && !name.Contains("seed", StringComparison.OrdinalIgnoreCase)
                && scalar.ToJsonString() is { Length: <= LongestValue } text)
            {
                key.Append('|').Append(name).Append('=').Append(text);
            }
        }

        return key.ToString();
    }
}
