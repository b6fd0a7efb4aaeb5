namespace Opper.Typed;

/// <summary>
/// Where a download body is copied: the partial file, behind a write-only stream that keeps disk time out of the stall
/// watchdog's count, writes with the caller's token (a stalled network must not cancel a write half done), reports
/// progress, and remembers a failed write, so the downloader can tell the disk failing (thrown) from the connection
/// breaking (resumed).
/// </summary>
internal sealed class DownloadSink(FileStream file, ReadStallGuard stall, Action? wrote, CancellationToken cancellationToken) : Stream
{
    /// <summary>The exception a write to the file threw, if one did.</summary>
    public Exception? WriteError { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        stall.Pause();
        try
        {
            file.Write(buffer);
        }
        catch (Exception exception)
        {
            WriteError = exception;
            throw;
        }
        finally
        {
            stall.Resume();
        }

        wrote?.Invoke();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Writes with the caller's token, not the copy's (which the stall watchdog can cancel).</summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken copyToken = default)
    {
        stall.Pause();
        try
        {
            await file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            WriteError = exception;
            throw;
        }
        finally
        {
            stall.Resume();
        }

        wrote?.Invoke();
    }

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
