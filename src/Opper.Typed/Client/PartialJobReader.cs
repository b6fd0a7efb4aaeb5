using System.Text.Json;

namespace Opper.Typed;

/// <summary>
/// Reads what a cut-off or malformed <c>202</c> still says: its top-level <c>id</c> and <c>status_url</c>, each only when
/// its string arrived whole. A submission's answer that named the job must not be reported as one that did not.
/// </summary>
internal static class PartialJobReader
{
    /// <returns>The id (null when no whole, non-blank id arrived) and the status URL (null unless whole).</returns>
    public static (string? Id, string? StatusUrl) Read(ReadOnlySpan<byte> body)
    {
        // Not the final block: a string cut in the middle is then "more data needed", never a value.
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        string? id = null, statusUrl = null;
        try
        {
            while (reader.Read())
            {
                if (reader is not { TokenType: JsonTokenType.PropertyName, CurrentDepth: 1 })
                {
                    continue;
                }

                var isId = reader.ValueTextEquals("id"u8);
                var isStatusUrl = !isId && reader.ValueTextEquals("status_url"u8);
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.String && (isId || isStatusUrl))
                {
                    var value = reader.GetString();
                    if (isId)
                    {
                        id ??= value;
                    }
                    else
                    {
                        statusUrl ??= value;
                    }
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // The body turns malformed here: what was read before it stands.
        }

        return (string.IsNullOrWhiteSpace(id) ? null : id, statusUrl);
    }
}
