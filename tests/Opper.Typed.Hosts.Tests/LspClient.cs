using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Opper.Typed.Hosts.Tests;

/// <summary>
/// The least of a language client: JSON-RPC over a server's stdio with Content-Length framing, answers to the requests
/// a server makes of its client (configuration, capability registration, progress), and every diagnostic it publishes.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Process _server;
    private readonly JsonObject _settings;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentDictionary<string, JsonArray> _diagnostics = new(StringComparer.Ordinal);
    private readonly StringBuilder _stderr = new();
    private readonly Task _reader;
    private int _nextId;

    public LspClient(ProcessStartInfo start, JsonObject settings)
    {
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        _server = Process.Start(start)!;
        _settings = settings;
        _server.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        _server.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>What the server wrote to stderr, for failure messages.</summary>
    public string ServerLog { get { lock (_stderr) { return _stderr.ToString(); } } }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await answer.Task.WaitAsync(timeout);
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits until the server has published diagnostics for the document that satisfy the condition.</summary>
    public async Task<JsonArray> WaitForDiagnosticsAsync(string uri, Func<JsonArray, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_diagnostics.TryGetValue(uri, out var published) && condition(published))
            {
                return published;
            }

            if (_reader.IsCompleted)
            {
                break;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no matching diagnostics for {uri} within {timeout.TotalSeconds} s; last: {(_diagnostics.TryGetValue(uri, out var last) ? last.ToJsonString() : "none")}\n{ServerLog}");
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        var stream = _server.StandardInput.BaseStream;
        await stream.WriteAsync(header);
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private async Task ReadLoopAsync()
    {
        var stream = _server.StandardOutput.BaseStream;
        while (await ReadMessageAsync(stream) is { } message)
        {
            var method = (string?)message["method"];
            if (message["id"] is { } id && method is not null)
            {
                await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = Answer(method, message["params"]) });
            }
            else if (message["id"] is { } responseId && _pending.TryRemove((int)responseId, out var pending))
            {
                pending.TrySetResult(message["result"]);
            }
            else if (method == "textDocument/publishDiagnostics" && message["params"] is JsonObject published)
            {
                _diagnostics[(string)published["uri"]!] = published["diagnostics"]!.AsArray();
            }
        }
    }

    /// <summary>The client's side of the server's requests: the settings for each configuration item, null for the rest.</summary>
    private JsonArray? Answer(string method, JsonNode? parameters) => method switch
    {
        "workspace/configuration" => new JsonArray(((JsonArray?)parameters?["items"] ?? []).Select(item =>
            (JsonNode?)(((string?)item?["section"]) switch
            {
                "csharp" => _settings["csharp"]!.DeepClone(),
                null => _settings.DeepClone(),
                var section => _settings[section]?.DeepClone(),
            })).ToArray()),
        _ => null,
    };

    private static async Task<JsonNode?> ReadMessageAsync(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadLineAsync(stream);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer);
        return JsonNode.Parse(buffer);
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10));
            await NotifyAsync("exit", null);
            await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or InvalidOperationException)
        {
            // A server that will not stop is killed below; the test's own assertions already ran.
        }
        finally
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
            }

            _server.Dispose();
        }
    }
}
