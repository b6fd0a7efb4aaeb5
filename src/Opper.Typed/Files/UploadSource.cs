namespace Opper.Typed;

/// <summary>
/// What an upload sends: a file or a caller's stream, its name, its first bytes (read once, for the purpose check) and
/// its length when known (so the request carries a Content-Length instead of being chunked). A file or a seekable
/// stream can be sent again from its start; a stream that cannot seek can be sent once.
/// </summary>
internal sealed class UploadSource : IDisposable
{
    private readonly Stream _stream;
    private readonly long _start;
    private readonly bool _owns;
    private bool _opened;

    private UploadSource(Stream stream, string fileName, byte[] head, bool owns)
    {
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : 0;
        _owns = owns;
        FileName = fileName;
        Head = head;
        Length = stream.CanSeek ? stream.Length - stream.Position : null;
    }

    public string FileName { get; }

    /// <summary>Up to <see cref="MediaTypeSniffer.HeadLength"/> leading bytes.</summary>
    public byte[] Head { get; }

    /// <summary>The bytes to send, when the source can tell.</summary>
    public long? Length { get; }

    /// <summary>Whether another attempt can send the same bytes again.</summary>
    public bool CanRepeat => _stream.CanSeek;

    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static async Task<UploadSource> OpenFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            return await OpenAsync(stream, Path.GetFileName(path), owns: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the head of <paramref name="stream"/>; a seekable one is put back where it was.</summary>
    public static async Task<UploadSource> OpenAsync(Stream stream, string fileName, bool owns, CancellationToken cancellationToken)
    {
        var head = new byte[MediaTypeSniffer.HeadLength];
        var start = stream.CanSeek ? stream.Position : 0;
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek)
        {
            stream.Position = start;
        }

        return new UploadSource(stream, fileName, read == head.Length ? head : head[..read], owns);
    }

    /// <summary>The body of one attempt; from the start again for a source that can repeat.</summary>
    /// <param name="moved">Called on every read: the transfer moves.</param>
    /// <param name="ended">Called when the last byte was read: the body is sent.</param>
    public UploadBodyStream OpenBody(Action moved, Action ended)
    {
        if (_stream.CanSeek)
        {
            _stream.Position = _start;
            return new UploadBodyStream(ReadOnlyMemory<byte>.Empty, _stream, ownsRest: false, moved, ended);
        }

        if (_opened)
        {
            throw new InvalidOperationException("A stream that cannot seek can be uploaded once; pass a seekable stream or a path to retry.");
        }

        _opened = true;
        return new UploadBodyStream(Head, _stream, ownsRest: false, moved, ended);
    }

    public void Dispose()
    {
        if (_owns)
        {
            _stream.Dispose();
        }
    }
}
