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
    public static (string Short, string Whole) Destination(DurableVideoJob job)
    {
        var whole = job.SinkName is null ? job.DestinationPath : $"{job.SinkName}: {job.DestinationPath}";
        var file = Path.GetFileName(job.DestinationPath);
        var folder = Path.GetFileName(Path.GetDirectoryName(job.DestinationPath));
        var shortened = string.IsNullOrEmpty(folder) || file.Length == 0 ? job.DestinationPath : $"…/{folder}/{file}";
        return (job.SinkName is null ? shortened : $"{job.SinkName}: {shortened}", whole);
    }

    /// <summary>A destination cell: the short text, the whole path on hover; both HTML-encoded.</summary>
    public static string DestinationCell(DurableVideoJob job)
    {
        var (shortened, whole) = Destination(job);
        return $"<td class=\"opper-destination\" title=\"{WebUtility.HtmlEncode(whole)}\">{WebUtility.HtmlEncode(shortened)}</td>";
    }

    /// <summary>A model id cell that does not wrap, HTML-encoded.</summary>
    public static string ModelCell(string model) => $"<td class=\"opper-model\" style=\"{NoWrap}\">{WebUtility.HtmlEncode(model)}</td>";
}
