using System.Globalization;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Opper.Typed.Hangfire.Storage;

namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>
/// The dashboard's "Opper videos" page: one state's durable video jobs at a time (a tab per state, like Hangfire's own
/// job lists), newest first, paged with <c>?state=Waiting&amp;from=0&amp;count=50</c>, each linked to Hangfire's own
/// job page (its record as a table, see <see cref="OpperVideoJobDetails"/>, and each step in its history).
/// </summary>
/// <remarks>
/// A view costs the same whatever the number of jobs: the budget line's two reads, the state's count and one range
/// read of its index, whose values are the rows themselves (<see cref="VideoJobRow"/>); no record is read. Counting
/// every state for the tabs would cost a query per state, so only the shown one is counted.
/// </remarks>
internal sealed class OpperVideosPage : RazorPage
{
    public const string Route = "/opper-videos";

    private const int DefaultCount = 50;

    private const int MostCount = 500;

    public override void Execute()
    {
        Layout = new LayoutPage("Opper videos");
        var state = Enum.TryParse<DurableVideoJobState>(Query("state"), ignoreCase: true, out var asked) && Enum.IsDefined(asked) ? asked : DurableVideoJobState.Waiting;
        var from = int.TryParse(Query("from"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
        var count = int.TryParse(Query("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? Math.Min(c, MostCount) : DefaultCount;

        using var connection = Storage.GetConnection();
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Opper videos</h1>");
        if (StorageBudgetLedger.Summary(connection, DateTimeOffset.UtcNow) is var (spent, limit, window))
        {
            WriteLiteral("<p id=\"opper-budget\" class=\"lead\">");
            Write(string.Create(CultureInfo.InvariantCulture, $"Budget: {spent:0.00##} of {limit:0.00##} USD estimated in the last {window}."));
            WriteLiteral("</p>");
        }

        var total = VideoJobIndex.Count(connection, state);
        WriteTabs(state, total);

        // Newest first: the set ranks oldest first (by score; on SQL storages by when the entry was last written), so a
        // page counted from the newest is read from the end.
        var end = (int)Math.Min(int.MaxValue, total - from);
        var rows = end <= 0 ? [] : VideoJobIndex.Range(connection, state, Math.Max(0, end - count), Math.Min(count, end));
        if (rows.Count == 0)
        {
            WriteLiteral($"<div class=\"alert alert-info\" id=\"opper-empty\">");
            Write($"No {state} durable video jobs{(from > 0 ? " on this page" : "")}. Jobs are enqueued with IVideoJobScheduler.EnqueueAsync.");
            WriteLiteral("</div>");
        }
        else
        {
            WriteTable(state, rows.Reverse().ToList());
        }

        WritePager(state, from, count, total);
        WriteLiteral("</div></div>");
    }

    private void WriteTabs(DurableVideoJobState shown, long total)
    {
        WriteLiteral("<ul class=\"nav nav-tabs\" id=\"opper-states\" style=\"margin-bottom: 15px\">");
        foreach (var state in Enum.GetValues<DurableVideoJobState>())
        {
            WriteLiteral(state == shown ? "<li class=\"active\">" : "<li>");
            WriteLiteral($"<a id=\"opper-tab-{state}\" href=\"");
            Write(PageUrl(state, 0, DefaultCount));
            WriteLiteral("\">");
            Write(state.ToString());
            if (state == shown)
            {
                WriteLiteral(" <span class=\"badge\">");
                Write(total.ToString(CultureInfo.InvariantCulture));
                WriteLiteral("</span>");
            }

            WriteLiteral("</a></li>");
        }

        WriteLiteral("</ul>");
    }

    private void WriteTable(DurableVideoJobState state, IReadOnlyList<VideoJobRow> rows)
    {
        var now = DateTimeOffset.UtcNow;
        WriteLiteral($"<div class=\"table-responsive\"><table class=\"table table-condensed\" id=\"opper-{state}\"><thead><tr>"
            + "<th>Job</th><th>Opper job</th><th>Model</th><th>Destination</th><th>Checks</th><th>Enqueued</th><th>Error</th>"
            + "</tr></thead><tbody>");
        foreach (var row in rows)
        {
            WriteLiteral("<tr><td><a href=\"");
            Write(Url.JobDetails(row.Key));
            WriteLiteral("\">#");
            Write(row.Key);
            WriteLiteral("</a></td><td>");
            Write(row.OpperJobId ?? "–");
            if (state == DurableVideoJobState.Waiting && WaitingEstimate.Line(Storage, connection: null, row.ShapeKey, row.SubmittedAt, now) is { } expected)
            {
                WriteLiteral("<br/><small class=\"text-muted opper-expected\">");
                Write(expected);
                WriteLiteral("</small>");
            }

            WriteLiteral("</td>");
            WriteLiteral(DashboardText.ModelCell(row.Model));
            WriteLiteral(DashboardText.DestinationCell(row.Destination, row.Sink));
            Cell(row.Checks.ToString(CultureInfo.InvariantCulture));
            Cell(DashboardText.Time(row.EnqueuedAt));
            Cell(row.Error ?? "");
            WriteLiteral("</tr>");
        }

        WriteLiteral("</tbody></table></div>");
    }

    private void WritePager(DurableVideoJobState state, int from, int count, long total)
    {
        if (total <= count && from == 0)
        {
            return;
        }

        WriteLiteral("<ul class=\"pager\" id=\"opper-pager\">");
        if (from > 0)
        {
            PagerLink("previous", "Newer", PageUrl(state, Math.Max(0, from - count), count));
        }

        WriteLiteral("<li>");
        Write(string.Create(CultureInfo.InvariantCulture, $"{Math.Min(from + 1, total)}–{Math.Min(from + count, total)} of {total}"));
        WriteLiteral("</li>");
        if (from + count < total)
        {
            PagerLink("next", "Older", PageUrl(state, from + count, count));
        }

        WriteLiteral("</ul>");
    }

    private void PagerLink(string side, string text, string url)
    {
        WriteLiteral($"<li class=\"{side}\"><a href=\"");
        Write(url);
        WriteLiteral("\">");
        Write(text);
        WriteLiteral("</a></li>");
    }

    private string PageUrl(DurableVideoJobState state, int from, int count) =>
        Url.To(string.Create(CultureInfo.InvariantCulture, $"{Route}?state={state}&from={from}&count={count}"));

    private void Cell(string text)
    {
        WriteLiteral("<td>");
        Write(text);
        WriteLiteral("</td>");
    }
}
