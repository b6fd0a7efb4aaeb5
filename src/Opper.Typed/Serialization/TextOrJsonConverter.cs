using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>
/// Reads a field documented as a string but tolerates any JSON: a provider error may arrive as an object,
/// a rating as a number. Non-strings are kept as their raw JSON text so nothing is lost.
/// </summary>
internal sealed class TextOrJsonConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                    {
                        // {"message": "...", "code": ...} is the common provider shape; keep the full JSON after the message.
                        return $"{message.GetString()} ({root.GetRawText()})";
                    }

                    return root.GetRawText();
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
