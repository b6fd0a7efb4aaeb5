using System.Globalization;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// Samples, every 20 ms, how many TCP connections are established to the given local ports (the emulator's
/// listeners), from /proc/net/tcp: the server side of every connection the client holds open. Linux only.
/// </summary>
internal sealed class ConnectionSampler : IAsyncDisposable
{
    private readonly HashSet<int> _ports;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ConnectionSampler(params int[] ports)
    {
        _ports = [.. ports];
        _sampling = Task.Run(SampleAsync);
    }

    public int Peak { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Peak = Math.Max(Peak, Count("/proc/net/tcp") + Count("/proc/net/tcp6"));
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private int Count(string table)
    {
        if (!File.Exists(table))
        {
            return 0;
        }

        var count = 0;
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            // "  sl  local_address rem_address   st …": local is HEXIP:HEXPORT, state 01 is ESTABLISHED.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var port = int.Parse(fields[1][(fields[1].IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (fields[3] == "01" && _ports.Contains(port))
            {
                count++;
            }
        }

        return count;
    }
}
