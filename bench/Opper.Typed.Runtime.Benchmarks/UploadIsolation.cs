using System.Net.Http.Headers;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// The hand-written upload with one thing the SDK does added to it, each in a variant of its own, so a gap between the
/// SDK and the hand-written upload can be put down to one of them by measurement (<c>upload MiB rounds isolate</c>):
/// the HTTP/2 preference, a non-seekable body wrapper with a per-read callback (which sends the request chunked, as the
/// SDK did until its file part stated its length), a cancellable token on the send, and the SDK's stack of
/// pass-through handlers over a shared pool.
/// </summary>
internal static class UploadIsolation
{
    public static IEnumerable<(string Name, Func<Task> Upload)> Variants(Uri server, string key, Func<Stream> media)
    {
        var http2 = Client(new SocketsHttpHandler(), server, key);
        http2.DefaultRequestVersion = System.Net.HttpVersion.Version20;
        http2.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        yield return ("+ HTTP/2 preference", () => UploadCommand.HandWrittenAsync(http2, media(), CancellationToken.None));

        var plain = Client(new SocketsHttpHandler(), server, key);
        yield return ("+ body wrapper, chunked", () => UploadCommand.HandWrittenAsync(plain, new PassThrough(media()), CancellationToken.None));
        yield return ("+ cancellable token", async () =>
        {
            using var silence = new CancellationTokenSource(TimeSpan.FromSeconds(100));
            await UploadCommand.HandWrittenAsync(plain, media(), silence.Token);
        });

        // The SDK's upload chain has this shape: redirect, token, then a handler sending through a pool it does not own.
        var pool = new SocketsHttpHandler();
        var invoker = new HttpMessageInvoker(pool, disposeHandler: false);
        var stacked = Client(new PassThroughHandler { InnerHandler = new PassThroughHandler { InnerHandler = new Invoking(invoker) } }, server, key);
        yield return ("+ handler stack", () => UploadCommand.HandWrittenAsync(stacked, media(), CancellationToken.None));
    }

    private static HttpClient Client(HttpMessageHandler handler, Uri server, string key) => new(handler)
    {
        BaseAddress = server,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    private sealed class PassThroughHandler : DelegatingHandler;

    private sealed class Invoking(HttpMessageInvoker invoker) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            invoker.SendAsync(request, cancellationToken);
    }

    /// <summary>As the SDK's body stream: not seekable, an async read over the source, a counter and a callback per read.</summary>
    private sealed class PassThrough(Stream inner) : Stream
    {
        private long _position;
        private long _calls;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _position += read;
            _calls++;
            return read;
        }
    }
}
