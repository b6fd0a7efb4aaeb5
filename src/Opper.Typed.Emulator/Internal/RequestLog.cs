using System.Globalization;
using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>Appends recorded requests to a file as JSON lines, for a test that runs the emulator as another process.</summary>
internal static class RequestLog
{
    // One writer at a time across both listeners, so lines never interleave.
    private static readonly object Gate = new();

    public static void Append(string path, RecordedRequest request)
    {
        var line = new JsonObject
        {
            ["host"] = request.Host.ToString().ToLowerInvariant(),
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["query"] = request.Query,
            ["status"] = request.ResponseStatus,
            ["received_at"] = request.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["body"] = request.Body,
        }.ToJsonString();
        lock (Gate)
        {
            File.AppendAllText(path, line + "\n");
        }
    }
}
