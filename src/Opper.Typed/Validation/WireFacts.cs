using System.Text.Json;
using System.Text.Json.Nodes;
using Opper.Typed.Core.Rules;

namespace Opper.Typed;

/// <summary>Turns a wire body into the neutral facts the shared rules judge: the runtime's and the emulator's side of the conformance.</summary>
internal static class WireFacts
{
    // One set of facts per thread, reused: every request the client sends is checked, and a valid one allocates nothing.
    // Taken out while in use, so a check that runs inside another (a catalog of the user's that validates) gets its own.
    [ThreadStatic]
    private static RequestFacts? t_spare;

    /// <summary>The facts of a wire body; give them back with <see cref="Return"/> once the rules have run.</summary>
    /// <param name="wire">The body.</param>
    /// <param name="model">The model's spec, when known.</param>
    /// <param name="typed">Whether a generated typed class made the body.</param>
    /// <param name="catalog">Where the model was looked up.</param>
    /// <param name="additionalKeys">The keys a typed request sends through AdditionalParameters.</param>
    /// <param name="uploadable">
    /// Which media values hold local bytes the client uploads to Opper Files (and sends as a file id) when the provider
    /// takes no data-URI; none when null. The wire body alone cannot tell: a data-URI typed by hand is sent as it is.
    /// </param>
    public static RequestFacts Rent(
        VideoWireRequest wire, VideoModelSpec? model, bool typed, IVideoModelCatalog catalog, IEnumerable<string>? additionalKeys = null, Func<string, bool>? uploadable = null)
    {
        var facts = t_spare ?? new RequestFacts(null, null, typed: false);
        t_spare = null;
        facts.Reset(wire.Model, model, typed, catalog);
        if (wire.Image is not null)
        {
            facts.Media.Add(Media("image", wire.Image, uploadable));
        }

        if (wire.Video is not null)
        {
            facts.Media.Add(Media("video", wire.Video, uploadable));
        }

        for (var i = 0; i < (wire.ReferenceImages?.Count ?? 0); i++)
        {
            facts.Media.Add(Media($"reference_images[{i}]", wire.ReferenceImages![i], uploadable));
        }

        var additional = AdditionalKeys(additionalKeys);
        foreach (var (key, value) in wire.Parameters)
        {
            facts.Parameters.Add(new ParameterFact(key, Literal(value), additional?.Contains(key) == true));
        }

        return facts;
    }

    private static MediaFact Media(string field, string value, Func<string, bool>? uploadable) =>
        new(field, value, uploadable?.Invoke(value) == true);

    /// <summary>Keeps the facts for the next check on this thread, without holding on to this request's values.</summary>
    public static void Return(RequestFacts facts)
    {
        facts.Reset(null, null, typed: false, catalog: null);
        t_spare = facts;
    }

    /// <summary>
    /// A JSON node as the rules see it. Values are read as what they hold (a string, a boolean, a number's value) without
    /// asking the node its JSON kind, which a node made from a CLR value works out by serializing itself.
    /// </summary>
    public static JsonLiteral Literal(JsonNode? node)
    {
        // Numbers first: asking a node made from an int whether it holds a string boxes the int.
        if (node is JsonValue value)
        {
            if (value.TryGetValue(out JsonElement element) && element.ValueKind == JsonValueKind.Number)
            {
                // Parsed from JSON text (a posted body, JsonNode.Parse): messages show the number as written (6.0, 1e3).
                return JsonLiteral.FromNumberText(element.GetRawText());
            }

            if (TryGetNumber(value, out var number))
            {
                return JsonLiteral.FromNumber(number);
            }

            if (value.TryGetValue(out bool boolean))
            {
                return JsonLiteral.FromBoolean(boolean);
            }

            if (value.TryGetValue(out string? text))
            {
                return JsonLiteral.FromString(text);
            }
        }

        return node?.GetValueKind() switch
        {
            null or JsonValueKind.Null or JsonValueKind.Undefined => JsonLiteral.Null,
            JsonValueKind.String => JsonLiteral.FromString(node.GetValue<string>()),
            JsonValueKind.True => JsonLiteral.FromBoolean(true),
            JsonValueKind.False => JsonLiteral.FromBoolean(false),
            JsonValueKind.Number => JsonLiteral.FromNumberText(node.ToJsonString()),
            JsonValueKind.Object => JsonLiteral.FromComposite(JsonLiteralKind.Object, node.ToJsonString()),
            _ => JsonLiteral.FromComposite(JsonLiteralKind.Array, node.ToJsonString()),
        };
    }

    /// <summary>The keys as a set to look up in: a dictionary's keys already are one (a typed request's AdditionalParameters).</summary>
    private static ICollection<string>? AdditionalKeys(IEnumerable<string>? keys) => keys switch
    {
        null or ICollection<string> { Count: 0 } => null,
        ICollection<string> collection => collection,
        _ => new HashSet<string>(keys, StringComparer.Ordinal),
    };

    /// <summary>
    /// The value of a number node made from an int, long or double (what typed requests and <c>["duration"] = 6</c>
    /// make), read without writing it out. Other CLR numbers (a decimal, a float) are read from their JSON text instead.
    /// </summary>
    private static bool TryGetNumber(JsonValue value, out double number)
    {
        if (value.TryGetValue(out int int32))
        {
            number = int32;
            return true;
        }

        if (value.TryGetValue(out long int64))
        {
            number = int64;
            return true;
        }

        return value.TryGetValue(out number) && double.IsFinite(number);
    }
}
