using System.Net;

namespace Opper.Typed;

/// <summary>What a failed <c>POST /v3/videos</c> proves about the job it was meant to create.</summary>
internal static class SubmissionOutcome
{
    /// <summary>A 500, 502 or 504 can come from a gateway after Opper created the job: as uncertain as a lost answer.</summary>
    public static bool MayHaveCreatedJob(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Whether a submission that failed with <paramref name="exception"/> surely created no job: it never left (the
    /// submitter lets such failures through unchanged: an <see cref="HttpRequestException"/>, or a cancellation before
    /// the send), or Opper refused it. A lost answer, a cancellation in flight and a gateway's 5xx may have created one.
    /// </summary>
    public static bool ProvesNoJob(Exception exception) => exception switch
    {
        VideoSubmissionUncertainException or VideoGenerationCanceledException => false,
        OpperApiException refused => !MayHaveCreatedJob(refused.Status),
        HttpRequestException or OperationCanceledException => true,
        _ => false,
    };
}
