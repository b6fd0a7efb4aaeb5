using System.Globalization;
using System.Net;
using System.Text;
using Hangfire.Dashboard;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>
/// A section of Hangfire's own job page for a durable video job: its record as a small table (state by name, Opper job,
/// model, destination, checks, error). Hangfire lists the record among the job's parameters as the stored JSON, which a
/// reader had to decode by eye (escaped quotes, the storage's key casing).
/// </summary>
internal static class OpperVideoJobDetails
{
    /// <summary>Where the section goes among the page's custom sections (Hangfire puts them below "Parameters").</summary>
    public const int Order = 10;

    public static NonEscapedString Render(JobDetailsRendererDto details)
    {
        VideoJobRecord? record;
        string? expected;
        using (var connection = details.Page.Storage.GetConnection())
        {
            record = new VideoJobStore(connection).Read(details.JobId);
            expected = record is { State: DurableVideoJobState.Waiting }
                ? WaitingEstimate.Line(details.Page.Storage, connection, record.Shape, record.SubmittedAt, DateTimeOffset.UtcNow)
                : null;
        }

        if (record is null)
        {
            return new NonEscapedString(""); // not one of ours
        }

        var job = new DurableVideoJob(details.JobId, record);
        var html = new StringBuilder()
            .Append("<h3 id=\"opper-video-record\">Opper video</h3>")
            .Append("<table class=\"table table-condensed opper-video-record\" aria-describedby=\"opper-video-record\"><tbody>");
        Row(html, "State", Encode(job.State.ToString()));
        Row(html, "Opper job", Encode(job.OpperJobId ?? "–"));
        html.Append("<tr><th>Model</th>").Append(DashboardText.ModelCell(job.Model)).Append("</tr>");
        html.Append("<tr><th>Destination</th>").Append(DashboardText.DestinationCell(job)).Append("</tr>");
        // Checks are written into the record when the wait ends (the checker keeps them in its own memory meanwhile).
        Row(html, "Checks", job.Checks.ToString(CultureInfo.InvariantCulture));
        Row(html, "Enqueued", DashboardText.Time(job.EnqueuedAt));
        if (job.SubmittedAt is { } submitted)
        {
            Row(html, "Submitted", DashboardText.Time(submitted));
        }

        if (expected is not null)
        {
            Row(html, "Expected", Encode(expected));
        }

        if (job.EndedAt is { } ended)
        {
            Row(html, "Ended", DashboardText.Time(ended));
        }

        if (job.Bytes is { } bytes)
        {
            Row(html, "Bytes", bytes.ToString("N0", CultureInfo.InvariantCulture));
        }

        Row(html, "Error", Encode(job.Error ?? ""));
        return new NonEscapedString(html.Append("</tbody></table>").ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Row(StringBuilder html, string name, string encodedValue) =>
        html.Append("<tr><th>").Append(name).Append("</th><td>").Append(encodedValue).Append("</td></tr>");
}
