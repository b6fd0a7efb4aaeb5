using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Emulator.Internal;

/// <summary>Middleware that logs every request with its body and the status it got, for test assertions.</summary>
internal static class RequestRecorder
{
    /// <summary>
    /// Where an endpoint that reads its own body leaves the text to record in its place (an upload: its form fields and
    /// the file's size), so a log of uploads never holds their megabytes.
    /// </summary>
    public const string BodySummaryKey = "Opper.Typed.Emulator.RecordedBody";

    public static Func<HttpContext, RequestDelegate, Task> For(EmulatorState state, EmulatorHost host) => async (context, next) =>
    {
        var request = context.Request;
        var body = "";
        if (!IsMultipart(request))
        {
            request.EnableBuffering();
            using (var reader = new StreamReader(request.Body, leaveOpen: true))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            request.Body.Position = 0;
        }

        // A recorded request may end up in a test log or a snapshot: the key never does.
        var headers = request.Headers.ToDictionary(
            h => h.Key,
            h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase) ? RedactedAuthorization(h.Value.ToString()) : h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        var receivedAt = state.Now;
        var recorded = 0;
        void RecordOnce()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                var recordedBody = context.Items.TryGetValue(BodySummaryKey, out var summary) ? summary as string ?? "" : body;
                state.Record(new RecordedRequest(host, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, recordedBody, receivedAt, context.Response.StatusCode));
            }
        }

        // Recorded as the response starts, before its first byte leaves: a client that has its answer always finds the
        // request recorded. A request whose response never starts (a dropped connection) is recorded at the end.
        context.Response.OnStarting(() =>
        {
            RecordOnce();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            RecordOnce();
        }
    };

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ?? false;

    /// <summary>The scheme and that a credential was there: <c>Bearer ***</c>.</summary>
    private static string RedactedAuthorization(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? value[..space] + " ***" : "***";
    }
}
