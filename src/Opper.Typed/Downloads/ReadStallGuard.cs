namespace Opper.Typed;

/// <summary>
/// Bounds how long one read of a download body may wait for bytes. HttpClient's timeout ends when the headers arrive,
/// so without this a host that stops sending but keeps the connection open would hold a download for ever. Only the
/// wait for the network counts: time the caller spends between reads (or writing a copied body to disk) does not.
/// </summary>
/// <remarks>
/// A read costs a timestamp, not a timer: one watchdog timer wakes once per timeout while a read is waiting, looks at
/// how long it has waited, and either cancels it or sleeps for the rest of the timeout. Re-arming a timer and linking a
/// token on every read (tens of thousands a second on a fast link) cost a third of the download's throughput.
/// </remarks>
internal sealed class ReadStallGuard(TimeSpan timeout, TimeProvider time) : IDisposable
{
    private CancellationTokenSource _stalled = new();
    private ITimer? _watchdog;
    private CancellationTokenSource? _linked;
    private CancellationToken _linkedTo;
    private long _waitStarted;
    private int _waiting;
    private int _armed;
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
            Pause();
        }
    }

    /// <summary>
    /// Copies the whole body into <paramref name="destination"/>, which calls <see cref="Pause"/> and <see cref="Resume"/>
    /// around each write: the body's own copy loop registers cancellation once, not per read, which a fast link notices.
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
            Pause();
        }
    }

    /// <summary>Bytes arrived and are being handled (written to disk): that time is not a wait for the network.</summary>
    public void Pause() => Volatile.Write(ref _waiting, 0);

    /// <summary>Waiting for the network again, from now.</summary>
    public void Resume()
    {
        Volatile.Write(ref _waitStarted, time.GetTimestamp());
        Volatile.Write(ref _waiting, 1);
        // Read before the exchange: a copy resumes after every write, and the timer is nearly always armed already.
        if (_watchdog is { } watchdog && Volatile.Read(ref _armed) == 0 && Interlocked.Exchange(ref _armed, 1) == 0)
        {
            Arm(watchdog, timeout);
        }
    }

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
        if (_stalled.IsCancellationRequested)
        {
            // The watchdog fired just as the previous read finished in time: that read succeeded, this one starts afresh.
            _stalled = new CancellationTokenSource();
            _linked?.Dispose();
            _linked = null;
        }

        // Made stopped and armed by Resume, so its first tick cannot come before the field is set.
        _watchdog ??= time.CreateTimer(static guard => ((ReadStallGuard)guard!).Check(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Resume();
        return TokenFor(cancellationToken);
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

    /// <summary>
    /// The watchdog: cancels a wait that has lasted the whole timeout, else sleeps until it would have; with nothing
    /// waiting it sleeps until the next wait (a stream left open between reads keeps no timer ticking).
    /// </summary>
    private void Check()
    {
        if (Volatile.Read(ref _disposed) == 1 || _watchdog is not { } watchdog)
        {
            return;
        }

        if (Volatile.Read(ref _waiting) == 0)
        {
            Volatile.Write(ref _armed, 0);
            // A wait that began while disarming found the timer still armed and did not arm it: arm it for that wait.
            if (Volatile.Read(ref _waiting) == 1 && Interlocked.Exchange(ref _armed, 1) == 0)
            {
                Arm(watchdog, timeout);
            }

            return;
        }

        var waited = time.GetElapsedTime(Volatile.Read(ref _waitStarted));
        if (waited < timeout)
        {
            Arm(watchdog, timeout - waited);
            return;
        }

        // Disarmed first: should the caller read again after the timeout, that read arms the watchdog afresh.
        Volatile.Write(ref _armed, 0);
        try
        {
            _stalled.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed while it looked: the download is over, and a timer callback must not throw.
        }
    }

    private static void Arm(ITimer watchdog, TimeSpan due)
    {
        try
        {
            watchdog.Change(due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nothing left to watch.
        }
    }
}
