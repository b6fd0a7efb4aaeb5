using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Emulator.Internal;

/// <summary>Middleware that logs every request with its body and the status it got, for test assertions.</summary>
internal static class RequestRecorder
{
    public static Func<HttpContext, RequestDelegate, Task> For(EmulatorState state, EmulatorHost host) => async (context, next) =>
    {
        var request = context.Request;
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        request.Body.Position = 0;
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
                state.Record(new RecordedRequest(host, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, receivedAt, context.Response.StatusCode));
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

    /// <summary>The scheme and that a credential was there: <c>Bearer ***</c>.</summary>
    private static string RedactedAuthorization(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? value[..space] + " ***" : "***";
    }
}
