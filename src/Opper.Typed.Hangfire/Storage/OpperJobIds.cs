using System.Globalization;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>The value of <see cref="VideoJobStore.OpperJobIdParameter"/>: Opper's id and when the POST answered (Unix milliseconds).</summary>
internal static class OpperJobIds
{
    public static string Format(string opperJobId, DateTimeOffset submittedAt) =>
        opperJobId + " " + submittedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <returns>The id and time; null for no value (no answer stored) or one this package did not write.</returns>
    public static (string Id, DateTimeOffset SubmittedAt)? Parse(string? value)
    {
        var space = value?.LastIndexOf(' ') ?? -1;
        return space > 0 && long.TryParse(value.AsSpan(space + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis)
            ? (value![..space], DateTimeOffset.FromUnixTimeMilliseconds(millis))
            : null;
    }
}
