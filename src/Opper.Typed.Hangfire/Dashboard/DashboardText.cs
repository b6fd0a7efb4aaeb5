using System.Globalization;
using System.Net;

namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>How the dashboard writes a job's values, the same on the "Opper videos" page and on a job's own page.</summary>
internal static class DashboardText
{
    /// <summary>
    /// A cell that never wraps: a model id broken mid-name (<c>vertexai/veo-3.1-fast-</c> / <c>generate-001</c>) reads as
    /// two things.
    /// </summary>
    public const string NoWrap = "white-space: nowrap";

    /// <summary>
    /// The destination as a short text (its folder and file name, with the sink's name when there is one) and the whole
    /// path for a <c>title</c> attribute: absolute paths took most of a table's width for the part that is the same on
    /// every row.
    /// </summary>
    public static (string Short, string Whole) Destination(string path, string? sink)
    {
        var whole = sink is null ? path : $"{sink}: {path}";
        var file = Path.GetFileName(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        // A path already short (an index row with little room keeps only this form) is shown as it is.
        var shortened = string.IsNullOrEmpty(folder) || file.Length == 0 || path.StartsWith("…/", StringComparison.Ordinal) ? path : $"…/{folder}/{file}";
        return (sink is null ? shortened : $"{sink}: {shortened}", whole);
    }

    /// <summary>A destination cell: the short text, the whole path on hover; both HTML-encoded.</summary>
    public static string DestinationCell(DurableVideoJob job) => DestinationCell(job.DestinationPath, job.SinkName);

    /// <inheritdoc cref="DestinationCell(DurableVideoJob)"/>
    public static string DestinationCell(string path, string? sink)
    {
        var (shortened, whole) = Destination(path, sink);
        return $"<td class=\"opper-destination\" title=\"{WebUtility.HtmlEncode(whole)}\">{WebUtility.HtmlEncode(shortened)}</td>";
    }

    /// <summary>A model id cell that does not wrap, HTML-encoded.</summary>
    public static string ModelCell(string model) => $"<td class=\"opper-model\" style=\"{NoWrap}\">{WebUtility.HtmlEncode(model)}</td>";

    /// <summary>A time as the dashboard writes it everywhere: UTC, to the second.</summary>
    public static string Time(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>A duration to the nearest sensible unit: <c>40 s</c>, <c>3 min</c>, <c>2 h 5 min</c>.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalSeconds)} s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
    };
}
