using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using static Opper.Typed.Testing.Statistics;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// One large upload (1 GiB by default, generated as it is read, never stored) to a loopback server that discards the
/// body: <c>client.Files.UploadAsync</c> against a hand-written <c>MultipartFormDataContent</c> + <c>StreamContent</c>
/// POST, after a warm-up and in turns. Goal: ≥ 90% of the hand-written throughput, under 32 MB of managed memory
/// allocated and at peak while the SDK uploads. A third argument, <c>isolate</c>, adds the hand-written upload with one
/// of the SDK's traits at a time (<see cref="UploadIsolation"/>) and the SDK without its silence timer.
/// </summary>
internal static class UploadCommand
{
    private const string Key = "op-bench-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var bytes = (args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1024) * 1024 * 1024; // MiB
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var isolate = args is [_, _, "isolate", ..];
        await using var server = await DiscardingServer.StartAsync();
        using var client = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = server.Address });
        using var untimed = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = server.Address, RequestTimeout = Timeout.InfiniteTimeSpan });
        using var raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.Address };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var variants = new List<Variant>
        {
            new("Files.UploadAsync", () => client.Files.UploadAsync(new GeneratedMedia(bytes), "big.mp4")),
            new("hand-written multipart", () => HandWrittenAsync(raw, new GeneratedMedia(bytes), CancellationToken.None)),
        };
        if (isolate)
        {
            variants.Add(new("SDK, no silence timer", () => untimed.Files.UploadAsync(new GeneratedMedia(bytes), "big.mp4")));
            variants.AddRange(UploadIsolation.Variants(server.Address, Key, () => new GeneratedMedia(bytes)).Select(v => new Variant(v.Name, v.Upload)));
        }

        foreach (var variant in variants)
        {
            await variant.Upload();
        }

        var peaks = new List<long>();
        var allocated = new List<long>();
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < variants.Count; turn++)
            {
                var variant = variants[(round + turn) % variants.Count];
                var (seconds, cpu, peak, allocation) = await RunMeasurement.MeasureAsync(variant.Upload);
                variant.Seconds.Add(seconds);
                variant.CpuSeconds.Add(cpu);
                if (ReferenceEquals(variant, variants[0]))
                {
                    peaks.Add(peak);
                    allocated.Add(allocation);
                }
            }
        }

        var mib = bytes / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upload {mib:0} MiB; MiB/s median of {rounds} (each run in order); processor seconds per GiB, median, client and server"));
        foreach (var variant in variants)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variant.Name,-24} {mib / Median(variant.Seconds),5:0}   CPU {Median(variant.CpuSeconds) * 1024 / mib,4:0.00} s   ({string.Join(", ", variant.Seconds.Select(s => (mib / s).ToString("0", CultureInfo.InvariantCulture)))})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            SDK / hand-written       {Median(variants[1].Seconds) / Median(variants[0].Seconds):P0}
            allocated per upload     {allocated.Max() / 1048576.0:0.0} MB (largest of {rounds})
            peak managed heap (SDK)  {peaks.Max() / 1048576.0:0.0} MB
            """));
        return 0;
    }

    /// <summary>What a careful user writes. A <paramref name="media"/> that cannot seek goes chunked: MultipartContent asks the part to compute its length, which StreamContent then cannot.</summary>
    internal static async Task HandWrittenAsync(HttpClient http, Stream media, CancellationToken cancellationToken)
    {
        using var content = new MultipartFormDataContent
        {
            { new StreamContent(media, 81920) { Headers = { ContentType = new MediaTypeHeaderValue("video/mp4") } }, "file", "big.mp4" },
            { new StringContent("big.mp4"), "filename" },
            { new StringContent("reference_media"), "purpose" },
        };
        using var response = await http.PostAsync("v3/files", content, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private sealed record Variant(string Name, Func<Task> Upload)
    {
        public List<double> Seconds { get; } = [];

        /// <summary>Processor time of the whole process (the in-process server's share included, the same for every variant).</summary>
        public List<double> CpuSeconds { get; } = [];
    }

    /// <summary>An MP4 of the given length made up as it is read: an <c>ftyp</c> box, then zeros. Seekable, so both sides send a Content-Length.</summary>
    private sealed class GeneratedMedia(long length) : Stream
    {
        private static readonly byte[] Head = [0, 0, 0, 16, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 0, 0];

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - Position);
            buffer[..count].Clear();
            if (Position < Head.Length)
            {
                var head = Head.AsSpan((int)Position, Math.Min(Head.Length - (int)Position, count));
                head.CopyTo(buffer);
            }

            Position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Kestrel on loopback: <c>POST /v3/files</c> reads the body to the end, keeps nothing, and answers a file object.</summary>
    private sealed class DiscardingServer(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address => address;

        public static async Task<DiscardingServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var answer = """{"id":"file_bench","object":"file","bytes":0,"created_at":1767225600,"expires_at":1767312000,"filename":"big.mp4","mime_type":"video/mp4","purpose":"reference_media","status":"processed"}"""u8.ToArray();
            var buffer = new byte[128 * 1024];
            app.MapPost("/v3/files", async context =>
            {
                var body = context.Request.Body;
                while (await body.ReadAsync(buffer) > 0)
                {
                }

                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(answer);
            });
            await app.StartAsync();
            return new DiscardingServer(app, new Uri(app.Urls.First()));
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
