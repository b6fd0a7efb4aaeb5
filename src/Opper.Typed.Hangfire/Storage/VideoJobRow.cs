using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// What the "Opper videos" page shows of a job, kept as the value of its entry in the per-state index
/// (<see cref="VideoJobIndex"/>), so a page of jobs is one range read, not one read per job. Rewritten with every
/// write of the record, from the record, so it never says more than the record did.
/// </summary>
internal sealed class VideoJobRow
{
    /// <summary>
    /// The longest value written: Hangfire.SqlServer's set values are <c>nvarchar(256)</c>. A longer row loses the end of
    /// its error, then its shape, then its destination's folders (the job's own page has all of them whole).
    /// </summary>
    public const int MaxLength = 256;

    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    [JsonPropertyName("opperJobId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OpperJobId { get; set; }

    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    [JsonPropertyName("destination")]
    public string Destination { get; set; } = "";

    [JsonPropertyName("sink")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sink { get; set; }

    [JsonPropertyName("checks")]
    public int Checks { get; set; }

    /// <summary>Unix milliseconds, as the state data keeps times: a third of the ISO text, in a value with little room.</summary>
    [JsonPropertyName("enqueuedAt")]
    public long EnqueuedAtMs { get; set; }

    [JsonIgnore]
    public DateTimeOffset EnqueuedAt => DateTimeOffset.FromUnixTimeMilliseconds(EnqueuedAtMs);

    /// <summary>With <see cref="ShapeKey"/>, what an expected-remaining estimate of a waiting job starts from.</summary>
    [JsonPropertyName("submittedAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SubmittedAtMs { get; set; }

    [JsonIgnore]
    public DateTimeOffset? SubmittedAt => SubmittedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>A waiting job's shape as a digest (<see cref="SharedCompletions.DigestOf"/>): short, where the shape is not.</summary>
    [JsonPropertyName("shape")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ShapeKey { get; set; }

    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; set; }

    /// <summary>The row's index value for <paramref name="record"/>: the same record always gives the same text, which is how a later write finds it to remove.</summary>
    public static string Of(string key, VideoJobRecord record)
    {
        var row = new VideoJobRow
        {
            Key = key,
            OpperJobId = record.OpperJobId,
            Model = record.Model,
            Destination = record.Destination,
            Sink = record.Sink,
            Checks = record.Checks,
            EnqueuedAtMs = record.EnqueuedAt.ToUnixTimeMilliseconds(),
            SubmittedAtMs = record.SubmittedAt?.ToUnixTimeMilliseconds(),
            // Only a waiting job's row shows an expected remaining time.
            ShapeKey = record is { State: DurableVideoJobState.Waiting, Shape: { } shape } ? SharedCompletions.DigestOf(shape) : null,
            Error = record.Error,
        };
        var text = JsonSerializer.Serialize(row, VideoJobJson.Default.VideoJobRow);
        for (var attempt = 0; text.Length > MaxLength && attempt < 5; attempt++)
        {
            var over = text.Length - MaxLength;
            if (row.Error is { Length: > 0 } error)
            {
                // Escaping makes a character of the error cost up to six in the JSON: cut by the JSON's overflow, then check again.
                row.Error = error.Length > over + 1 ? error[..(error.Length - over - 1)] + "…" : null;
            }
            else if (row.ShapeKey is not null && Dashboard.DashboardText.Destination(row.Destination, sink: null).Short is var brief && brief.Length < row.Destination.Length)
            {
                // A waiting row keeps its expected remaining time before its destination's folders (the job's page has them).
                row.Destination = brief;
            }
            else if (row.ShapeKey is not null)
            {
                row.ShapeKey = null;
            }
            else
            {
                // The page's own short form (…/folder/file), then, if still too long, the end of it.
                var shortened = Dashboard.DashboardText.Destination(row.Destination, sink: null).Short;
                row.Destination = shortened.Length < row.Destination.Length ? shortened : row.Destination[Math.Min(row.Destination.Length, over)..];
            }

            text = JsonSerializer.Serialize(row, VideoJobJson.Default.VideoJobRow);
        }

        return text;
    }

    /// <returns>The row; null for a value that is not one.</returns>
    public static VideoJobRow? Parse(string value)
    {
        if (!value.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(value, VideoJobJson.Default.VideoJobRow);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
