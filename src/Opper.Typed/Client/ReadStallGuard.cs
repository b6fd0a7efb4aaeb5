namespace Opper.Typed;

/// <summary>
/// Bounds how long one read of a download body may wait for bytes. HttpClient's timeout ends when the headers arrive,
/// so without this a host that stops sending but keeps the connection open would hold a download for ever.
/// </summary>
/// <remarks>
/// A read (or a write of a copied body) costs a timestamp, not a timer: one watchdog timer wakes once per timeout, looks at how long the read in
/// progress has waited, and either cancels it or sleeps for the rest of the timeout. Re-arming a timer and linking a
/// token on every read (tens of thousands a second on a fast link) cost a third of the download's throughput.
/// </remarks>
internal sealed class ReadStallGuard(TimeSpan timeout, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _stalled = new();
    private ITimer? _watchdog;
    private CancellationTokenSource? _linked;
    private CancellationToken _linkedTo;
    private long _readStarted;
    private int _reading;
    private int _disposed;

    /// <summary>Reads once.</summary>
    /// <exception cref="TimeoutException">No byte arrived within the timeout.</exception>
    public async ValueTask<int> ReadAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        var token = Begin(cancellationToken);
        try
        {
            return await body.ReadAsync(buffer, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (_stalled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Stalled(exception);
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>
    /// Copies the whole body into <paramref name="destination"/>, which calls <see cref="Progress"/> on every write: the
    /// body's own copy loop registers cancellation once, not per read, which a fast link notices.
    /// </summary>
    /// <exception cref="TimeoutException">No byte arrived within the timeout.</exception>
    public async Task CopyAsync(Stream body, Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            await body.CopyToAsync(destination, bufferSize, cancellationToken).ConfigureAwait(false);
            return;
        }

        var token = Begin(cancellationToken);
        try
        {
            await body.CopyToAsync(destination, bufferSize, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (_stalled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Stalled(exception);
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Bytes arrived: the wait for the next ones starts now.</summary>
    public void Progress() => Volatile.Write(ref _readStarted, time.GetTimestamp());

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _watchdog?.Dispose();
            _linked?.Dispose();
            _stalled.Dispose();
        }
    }

    /// <summary>Starts a wait for bytes (and the watchdog, the first time); returns the token to read with.</summary>
    private CancellationToken Begin(CancellationToken cancellationToken)
    {
        var token = TokenFor(cancellationToken);
        Progress();
        Volatile.Write(ref _reading, 1);
        _watchdog ??= time.CreateTimer(static guard => ((ReadStallGuard)guard!).Check(), this, timeout, Timeout.InfiniteTimeSpan);
        return token;
    }

    private TimeoutException Stalled(OperationCanceledException exception) =>
        new($"no bytes arrived for {timeout.TotalSeconds:0.###} s (OpperVideoClientOptions.DownloadStallTimeout)", exception);

    /// <summary>The caller's token joined with the stall's; joined once for as long as the caller passes the same token.</summary>
    private CancellationToken TokenFor(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return _stalled.Token;
        }

        if (_linked is null || _linkedTo != cancellationToken)
        {
            _linked?.Dispose();
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stalled.Token);
            _linkedTo = cancellationToken;
        }

        return _linked.Token;
    }

    /// <summary>The watchdog: cancels a read that has waited the whole timeout, else sleeps until it would have.</summary>
    private void Check()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        var waited = Volatile.Read(ref _reading) == 1 ? time.GetElapsedTime(Volatile.Read(ref _readStarted)) : TimeSpan.Zero;
        try
        {
            if (waited >= timeout)
            {
                _stalled.Cancel();
            }
            else
            {
                _watchdog?.Change(timeout - waited, Timeout.InfiniteTimeSpan);
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while it looked: the download is over, and a timer callback must not throw.
        }
    }
}
