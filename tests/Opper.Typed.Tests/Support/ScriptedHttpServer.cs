using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Opper.Typed.Tests.Support;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 whose answers a test scripts byte by byte: what the emulator (a well-behaved
/// ASP.NET Core app) cannot do, such as resetting the connection after reading a request, cutting an answer short,
/// never answering, or answering a poll with a proxy's HTML page.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ScriptedRequest, ScriptedReply> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ScriptedRequest> _requests = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    public ScriptedHttpServer(Func<ScriptedRequest, ScriptedReply> script)
    {
        _script = script;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<ScriptedRequest> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _connections]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return; // stopped
            }

            lock (_connections)
            {
                _connections.Add(ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            while (await ReadRequestAsync(stream) is { } request)
            {
                _requests.Enqueue(request);
                var reply = _script(request);
                switch (reply.Kind)
                {
                    case ReplyKind.Hang:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                    case ReplyKind.Reset:
                        socket.LingerState = new LingerOption(true, 0); // close with RST, as a crashed proxy would
                        return;
                    default:
                        await stream.WriteAsync(reply.Bytes, _stop.Token);
                        if (reply.Kind == ReplyKind.RawThenClose)
                        {
                            return;
                        }

                        break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (it timed out or was cancelled): that is what these tests provoke.
        }
    }

    private async Task<ScriptedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var lines = new List<string>();
        while (await ReadLineAsync(stream) is { } line)
        {
            if (line.Length == 0)
            {
                return lines.Count == 0 ? null : await ReadBodyAsync(stream, lines);
            }

            lines.Add(line);
        }

        return null; // the client closed the connection
    }

    /// <summary>
    /// The body by Content-Length, or by chunks: <c>JsonContent</c> has no length, so HttpClient sends the POST chunked,
    /// and a body left unread would be parsed as the next request on a reused connection.
    /// </summary>
    private async Task<ScriptedRequest> ReadBodyAsync(NetworkStream stream, List<string> lines)
    {
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = new MemoryStream();
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (int.Parse(((await ReadLineAsync(stream)) ?? throw new IOException("The client closed the connection mid-body.")).Split(';')[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) is var size and > 0)
            {
                await CopyExactlyAsync(stream, body, size);
                await ReadLineAsync(stream); // the CRLF after each chunk
            }

            while (await ReadLineAsync(stream) is { Length: > 0 })
            {
                // trailers: none matter here
            }
        }
        else if (headers.TryGetValue("Content-Length", out var length))
        {
            await CopyExactlyAsync(stream, body, int.Parse(length, System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ScriptedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
    }

    private async Task CopyExactlyAsync(NetworkStream stream, MemoryStream body, int size)
    {
        var bytes = new byte[size];
        await stream.ReadExactlyAsync(bytes, _stop.Token);
        body.Write(bytes);
    }

    /// <summary>One CRLF-ended line, without its CRLF; null when the connection closed first.</summary>
    private async Task<string?> ReadLineAsync(NetworkStream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (!(line.Length > 0 && line[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            line.Append((char)one[0]);
        }

        return line.ToString().TrimEnd('\r', '\n');
    }
}

internal sealed record ScriptedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

internal enum ReplyKind
{
    Respond,
    RawThenClose,
    Reset,
    Hang,
}

internal sealed record ScriptedReply(ReplyKind Kind, byte[] Bytes)
{
    public static ScriptedReply Json(int status, string json, string contentType = "application/json") =>
        new(ReplyKind.Respond, Encoding.UTF8.GetBytes(
            $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}"));

    /// <summary>Headers announcing <paramref name="announced"/> bytes, then only <paramref name="body"/>, then the connection closes.</summary>
    public static ScriptedReply CutOff(int status, string body, int announced) =>
        new(ReplyKind.RawThenClose, Encoding.UTF8.GetBytes($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: application/json\r\nContent-Length: {announced}\r\n\r\n{body}"));

    public static ScriptedReply Reset { get; } = new(ReplyKind.Reset, []);

    public static ScriptedReply Hang { get; } = new(ReplyKind.Hang, []);
}
