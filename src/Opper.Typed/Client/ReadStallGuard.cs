namespace Opper.Typed;

/// <summary>
/// Bounds how long one read of a download body may wait for bytes. HttpClient's timeout ends when the headers arrive,
/// so without this a host that stops sending but keeps the connection open would hold a download for ever.
/// </summary>
internal sealed class ReadStallGuard(TimeSpan timeout, TimeProvider time) : IDisposable
{
    private CancellationTokenSource _stall = new(Timeout.InfiniteTimeSpan, time);

    /// <summary>Reads once.</summary>
    /// <exception cref="TimeoutException">No byte arrived within the timeout.</exception>
    public async ValueTask<int> ReadAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        if (!_stall.TryReset())
        {
            // The timer fired just after the previous read finished: that read was in time, this one starts afresh.
            _stall.Dispose();
            _stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stall.Token);
        _stall.CancelAfter(timeout);
        try
        {
            return await body.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (_stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no bytes arrived for {timeout.TotalSeconds:0.###} s (OpperVideoClientOptions.DownloadStallTimeout)", exception);
        }
        finally
        {
            _stall.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _stall.Dispose();
}
