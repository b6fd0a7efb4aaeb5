namespace Opper.Typed;

/// <summary>A short, single-line excerpt of a response body for an exception message (a proxy's HTML page is not a message).</summary>
internal static class BodyText
{
    public static string FirstLine(string? body, int maxLength = 120)
    {
        var line = body.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        var text = (newline >= 0 ? line[..newline] : line).ToString();
        return text.Length == 0 ? "(empty body)" : text.Length > maxLength ? text[..maxLength] + "…" : text;
    }
}
