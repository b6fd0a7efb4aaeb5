namespace Opper.Typed;

/// <summary>
/// The bytes of one upload attempt as the multipart <c>file</c> part reads them: the head already read for sniffing
/// (a stream that cannot seek cannot give it back), then the rest of the source, read straight through in the
/// content's own chunks, never buffered whole. Each read tells the uploader that the transfer is moving, and the end
/// that the body is sent; disposing it leaves a caller's stream open.
/// </summary>
internal sealed class UploadBodyStream(ReadOnlyMemory<byte> head, Stream rest, bool ownsRest, Action moved, Action ended) : Stream
{
    private ReadOnlyMemory<byte> _head = head;
    private long _position;

    /// <summary>True once a byte of the body was read: from then on the upload may have reached the server.</summary>
    public bool Started => _position > 0;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _head.IsEmpty ? rest.Read(buffer) : TakeHead(buffer);
        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = _head.IsEmpty ? await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) : TakeHead(buffer.Span);
        return Count(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsRest)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }

    private int TakeHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _head.Length);
        _head.Span[..count].CopyTo(buffer);
        _head = _head[count..];
        return count;
    }

    private int Count(int read)
    {
        _position += read;
        if (read > 0)
        {
            moved();
        }
        else
        {
            ended();
        }

        return read;
    }
}
