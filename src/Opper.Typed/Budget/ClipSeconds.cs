using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed;

/// <summary>
/// How long the clip of a wire body will be, for pricing: the duration it asks for, else what its provider makes when
/// none is asked for, else the model's longest clip, so an estimate is never lower than the bill.
/// </summary>
internal static class ClipSeconds
{
    /// <summary>The duration parameter of each dialect: Sora's <c>seconds</c> (a string), Veo's <c>durationSeconds</c>, xAI's and Alibaba's <c>duration</c>.</summary>
    public static readonly string[] ParameterNames = ["seconds", "durationSeconds", "duration"];

    /// <summary>
    /// What each provider makes when no duration is asked for, as its docs say: Sora's <c>seconds</c> defaults to 4,
    /// Veo's <c>durationSeconds</c> and xAI's <c>duration</c> to 8. Other providers document none.
    /// </summary>
    private static readonly Dictionary<string, double> ProviderDefaults = new(StringComparer.Ordinal)
    {
        ["openai"] = 4,
        ["vertexai"] = 8,
        ["xai"] = 8,
    };

    /// <summary>The documented default length of a provider's clips, or null where its docs give none.</summary>
    public static double? ProviderDefault(string provider) => ProviderDefaults.TryGetValue(provider, out var seconds) ? seconds : null;

    /// <summary>The seconds a wire body asks for, and where that number came from; null when nothing bounds it.</summary>
    /// <returns>The seconds and a note for the basis (empty when the request asked for them), or null.</returns>
    public static (double Seconds, string Note)? Of(VideoWireRequest wire, VideoModelSpec spec)
    {
        foreach (var name in ParameterNames)
        {
            if (!wire.Parameters.TryGetValue(name, out var node) || node is null)
            {
                continue;
            }

            // A value that cannot be read may mean any length: count the longest the model makes.
            return Read(node) is { } asked ? (asked, "") : Longest(spec, $"{name} unreadable, the model's longest");
        }

        if (ProviderDefault(spec.Provider) is { } seconds)
        {
            // The provider cannot make more than the model's longest clip, whatever its general default.
            return spec.MaxDuration is > 0 and double longest && longest < seconds ? (longest, " (the model's longest)") : (seconds, " (provider default)");
        }

        return Longest(spec, "the model's longest");
    }

    private static (double, string)? Longest(VideoModelSpec spec, string note) =>
        spec.MaxDuration is > 0 and double longest ? (longest, $" ({note})") : null;

    private static double? Read(JsonNode node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        // The JSON text, not GetValue<double>: a node built from an int does not convert itself to a double.
        var text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>().Trim(),
            _ => null,
        };
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : null;
    }
}
