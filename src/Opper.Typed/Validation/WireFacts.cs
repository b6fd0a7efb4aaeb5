using System.Text.Json;
using System.Text.Json.Nodes;
using Opper.Typed.Core.Rules;

namespace Opper.Typed;

/// <summary>Turns a wire body into the neutral facts the shared rules judge: the runtime's and the emulator's side of the conformance.</summary>
internal static class WireFacts
{
    public static RequestFacts From(VideoWireRequest wire, VideoModelSpec? model, bool typed, IVideoModelCatalog catalog, IEnumerable<string>? additionalKeys = null)
    {
        var additional = additionalKeys is null ? null : new HashSet<string>(additionalKeys, StringComparer.Ordinal);
        var facts = new RequestFacts(wire.Model, model, typed, catalog);
        if (wire.Image is not null)
        {
            facts.Media.Add(new MediaFact("image", wire.Image));
        }

        if (wire.Video is not null)
        {
            facts.Media.Add(new MediaFact("video", wire.Video));
        }

        for (var i = 0; i < (wire.ReferenceImages?.Count ?? 0); i++)
        {
            facts.Media.Add(new MediaFact($"reference_images[{i}]", wire.ReferenceImages![i]));
        }

        foreach (var (key, value) in wire.Parameters)
        {
            facts.Parameters.Add(new ParameterFact(key, Literal(value), additional?.Contains(key) == true));
        }

        return facts;
    }

    /// <summary>A JSON node as the rules see it; a number keeps its text as written.</summary>
    public static JsonLiteral Literal(JsonNode? node) => node?.GetValueKind() switch
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
