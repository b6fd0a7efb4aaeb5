namespace Opper.Typed;

/// <summary>
/// The body of a download (a clip, a stored file), read-only and forward-only. It owns the HTTP response (disposing the
/// stream ends it), counts the bytes for the metrics, bounds how long an asynchronous read waits for bytes, and names
/// the job or file in a read failure so the caller knows what to resume.
/// </summary>
internal sealed class DownloadReadStream(
    HttpResponseMessage response,
    Stream body,
    ReadStallGuard stall,
    DownloadSource source,
    long? length,
    Action<long> bytesRead,
    Action finished) : Stream
{
    private long _position;
    private int _finished;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The size when the host announced it.</summary>
    public override long Length => length ?? throw new NotSupportedException($"The download host of {source.Name} did not announce the length.");

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A download stream reads forward only.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(body.Read(buffer));
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw BrokeOff(exception);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await stall.ReadAsync(body, buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or TimeoutException)
        {
            throw BrokeOff(exception);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A download stream reads forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("A download stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A download stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            response.Dispose();
            stall.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        if (read > 0)
        {
            _position += read;
            bytesRead(read);
        }
        else if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            finished();
        }

        return read;
    }

    private IOException BrokeOff(Exception exception) =>
        new($"The download of {source.Name} broke off after {_position} bytes ({exception.Message.TrimEnd('.')}); {source.RetryAdvice}.", exception);
}
