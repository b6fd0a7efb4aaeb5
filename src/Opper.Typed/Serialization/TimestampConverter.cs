using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>
/// Reads a timestamp written either as unix seconds (a number, or a string of digits) or as ISO-8601 text: Opper's
/// Files docs do not fix the form, so both are read; anything else is null rather than a failed call.
/// </summary>
internal sealed class TimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var seconds):
                return FromUnixSeconds(seconds);
            case JsonTokenType.String:
                var text = reader.GetString();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return FromUnixSeconds(parsed);
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
                    ? instant
                    : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } instant)
        {
            writer.WriteStringValue(instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static DateTimeOffset? FromUnixSeconds(double seconds) =>
        seconds is >= -62135596800 and <= 253402300799 ? DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond)) : null;
}
