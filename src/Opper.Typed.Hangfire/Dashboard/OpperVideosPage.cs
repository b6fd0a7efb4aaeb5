using System.Globalization;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>
/// The dashboard's "Opper videos" page: every durable video job by state, with its Opper job id, model, destination and
/// error, each linked to Hangfire's own job page (which shows the record as a table, see <see cref="OpperVideoJobDetails"/>,
/// and each step in its history).
/// </summary>
internal sealed class OpperVideosPage : RazorPage
{
    public const string Route = "/opper-videos";

    /// <summary>Rows per state: the newest, for the states that grow (completed jobs pile up).</summary>
    private const int RowsPerState = 50;

    public override void Execute()
    {
        Layout = new LayoutPage("Opper videos");
        using var connection = Storage.GetConnection();
        var store = new VideoJobStore(connection);
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Opper videos</h1>");
        if (StorageBudgetLedger.Summary(connection, DateTimeOffset.UtcNow) is var (spent, limit, window))
        {
            WriteLiteral("<p id=\"opper-budget\" class=\"lead\">");
            Write(string.Create(CultureInfo.InvariantCulture, $"Budget: {spent:0.00##} of {limit:0.00##} USD estimated in the last {window}."));
            WriteLiteral("</p>");
        }

        var shown = 0;
        foreach (var state in Enum.GetValues<DurableVideoJobState>())
        {
            var count = store.CountIn(state);
            if (count == 0)
            {
                continue;
            }

            shown++;
            var jobs = VideoJobListing.List(store, state, skip: (int)Math.Max(0, count - RowsPerState), take: RowsPerState);
            WriteLiteral($"<h3 id=\"opper-{state}\">");
            Write($"{state} ({count.ToString(CultureInfo.InvariantCulture)})");
            WriteLiteral("</h3><div class=\"table-responsive\"><table class=\"table table-condensed\"><thead><tr>"
                + "<th>Job</th><th>State</th><th>Opper job</th><th>Model</th><th>Destination</th><th>Checks</th><th>Enqueued</th><th>Error</th>"
                + "</tr></thead><tbody>");
            for (var i = jobs.Count - 1; i >= 0; i--)
            {
                WriteRow(jobs[i]);
            }

            WriteLiteral("</tbody></table></div>");
        }

        if (shown == 0)
        {
            WriteLiteral("<div class=\"alert alert-info\">No durable video jobs yet: enqueue one with IVideoJobScheduler.EnqueueAsync.</div>");
        }

        WriteLiteral("</div></div>");
    }

    private void WriteRow(DurableVideoJob job)
    {
        WriteLiteral("<tr><td><a href=\"");
        Write(Url.JobDetails(job.Key));
        WriteLiteral("\">#");
        Write(job.Key);
        WriteLiteral("</a></td>");
        Cell(job.State.ToString());
        Cell(job.OpperJobId ?? "–");
        WriteLiteral(DashboardText.ModelCell(job.Model));
        WriteLiteral(DashboardText.DestinationCell(job));
        Cell(job.Checks.ToString(CultureInfo.InvariantCulture));
        Cell(job.EnqueuedAt.ToString("u", CultureInfo.InvariantCulture));
        Cell(job.Error ?? "");
        WriteLiteral("</tr>");
    }

    private void Cell(string text)
    {
        WriteLiteral("<td>");
        Write(text);
        WriteLiteral("</td>");
    }
}
