using System.Net;
using System.Text;
using Hangfire.Dashboard;

namespace Opper.Typed.Hangfire.Dashboard;

/// <summary>
/// How a job's history on Hangfire's job page shows its <see cref="OpperWaitingState"/>: the Opper job and when it was
/// submitted, in the colour Hangfire gives a job being worked on (Processing), since Opper is working on it. Without
/// it Hangfire lists the raw state data (a Unix time in milliseconds) in grey.
/// </summary>
internal static class OpperWaitingHistory
{
    public static void Register()
    {
        // Processing's colour ("active"): the wait is the job being rendered, just elsewhere.
        JobHistoryRenderer.AddStateCssSuffix(OpperWaitingState.StateName, "active");
        JobHistoryRenderer.Register(OpperWaitingState.StateName, Render);
    }

    public static NonEscapedString Render(HtmlHelper html, IDictionary<string, string> data)
    {
        if (OpperWaitingState.Read(data) is not { } job)
        {
            return new NonEscapedString("");
        }

        var text = new StringBuilder("<dl class=\"dl-horizontal opper-waiting\">")
            .Append("<dt>Opper job:</dt><dd>").Append(WebUtility.HtmlEncode(job.OpperJobId)).Append("</dd>")
            .Append("<dt>Submitted:</dt><dd>").Append(html.RelativeTime(job.SubmittedAt.UtcDateTime)).Append("</dd>");
        if (job.Shape is not null)
        {
            text.Append("<dt>Shape:</dt><dd>").Append(WebUtility.HtmlEncode(job.Shape)).Append("</dd>");
        }


        return new NonEscapedString(text.Append("</dl>").ToString());
    }
}
