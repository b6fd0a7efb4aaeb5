using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Opper.Typed;

/// <summary>
/// Errors of the Files endpoints: the v3 envelope through <see cref="ApiErrorMapper"/>, and for an upload refused for
/// its size or the organization's quota a message that names the limit and how to get under it.
/// </summary>
internal static class FileErrors
{
    public const string QuotaFix = "Delete files you no longer need with client.Files.DeleteAsync, or upload a smaller file.";

    /// <param name="status">The answer's status.</param>
    /// <param name="body">The answer's body.</param>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="apiKey">Scrubbed from anything the server echoes.</param>
    public static OpperApiException Map(HttpStatusCode status, string? body, HttpResponseHeaders? headers, string apiKey)
    {
        var error = ApiErrorMapper.Map(status, body, headers, secret: apiKey);
        var quota = error.ErrorCode?.Contains("quota", StringComparison.OrdinalIgnoreCase) == true;
        if (status != HttpStatusCode.RequestEntityTooLarge && !quota)
        {
            return error;
        }

        var limit = quota ? "The organization's file storage quota (total bytes or number of files) is used up" : "The file is over Opper's upload size limit";
        if (Describe(error.Details) is { } details)
        {
            limit += $" ({details})";
        }

        return new OpperApiException(status, error.ErrorCode, error.ServerMessage, $"{limit}. {QuotaFix}", error.Details, error.RetryAfter);
    }

    /// <summary>The error's <c>details</c> as "key = value" pairs (an object), or its text; null when there are none.</summary>
    private static string? Describe(JsonElement? details)
    {
        switch (details)
        {
            case { ValueKind: JsonValueKind.Object } values:
                var text = new StringBuilder();
                foreach (var property in values.EnumerateObject())
                {
                    text.Append(text.Length == 0 ? "" : ", ").Append(property.Name).Append(" = ")
                        .Append(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText());
                }

                return text.Length == 0 ? null : text.ToString();
            case { ValueKind: JsonValueKind.String } single:
                return single.GetString();
            case { ValueKind: JsonValueKind.Number } number:
                return string.Create(CultureInfo.InvariantCulture, $"limit = {number.GetRawText()}");
            default:
                return null;
        }
    }
}
