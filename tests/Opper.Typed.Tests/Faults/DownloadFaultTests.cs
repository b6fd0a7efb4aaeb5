using Microsoft.AspNetCore.Http;
using Opper.Typed.Testing;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Faults;

/// <summary>
/// Download faults from a server that is not the emulator: a clip is called done only when it is whole, the partial
/// file is this download's own, and the download host never sees the key. Each test also checks the folder is clean.
/// </summary>
public sealed class DownloadFaultTests : IAsyncLifetime, IDisposable
{
    private const string Key = "op-test-key-never-leaves-the-api-host";
    private static readonly byte[] Clip = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "Opper.Typed.Emulator", "Clips", "1280x720.mp4"));
    private readonly string _folder = Directory.CreateTempSubdirectory("opper-typed-faults-").FullName;
    private FaultServer _server = null!;
    private OpperVideoClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _server.Api = context => context.Response.WriteAsync(_server.CompletedStatus("job_1"));
        var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = _server.ApiAddress });
        _client = new OpperVideoClient(options);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_range_answered_from_the_wrong_offset_restarts_instead_of_splicing()
    {
        // Decided by the request, not by its number: a network may repeat a request before any Range is asked.
        var dropped = 0;
        var wrongRanges = 0;
        _server.Download = (context, _) =>
        {
            if (context.Request.Headers.Range.Count > 0 && Interlocked.Increment(ref wrongRanges) == 1)
            {
                return WriteAsync(context, Clip, status: 206, contentRange: $"bytes 0-{Clip.Length - 1}/{Clip.Length}");   // asked for N-, sent from 0
            }

            return Interlocked.Increment(ref dropped) == 1 ? DropAfterAsync(context, Clip.Length / 2) : WriteAsync(context, Clip);
        };

        await DownloadAsync("clip.mp4");

        Assert.Equal(Clip, File.ReadAllBytes(Path.Combine(_folder, "clip.mp4")));
        var downloads = _server.Requests.Where(r => r.Host == "download").ToList();
        var ranged = downloads.FindIndex(d => d.Range is not null);
        Assert.True(ranged >= 0 && downloads.Skip(ranged + 1).Any(d => d.Range is null), string.Join(" | ", downloads.Select(d => d.Range ?? "-")));
        AssertOnlyFiles("clip.mp4");
    }

    [Fact]
    public async Task An_empty_body_is_an_error_and_leaves_nothing()
    {
        _server.Download = (context, _) => WriteAsync(context, []);

        // After the POST every failure carries the job id; the cause is inside.
        var error = await Assert.ThrowsAsync<VideoGenerationInterruptedException>(() => DownloadAsync("clip.mp4"));

        Assert.Equal("job_1", error.JobId);
        Assert.Contains("empty", Assert.IsType<InvalidDataException>(error.InnerException).Message);
        AssertOnlyFiles();
    }

    [Fact]
    public async Task A_body_cut_off_without_a_length_is_not_a_clip_and_is_fetched_again()
    {
        _server.Download = (context, n) => n == 1 ? WriteAsync(context, Clip[..(Clip.Length / 2)], announceLength: false) : WriteAsync(context, Clip, announceLength: false);

        await DownloadAsync("clip.mp4");

        Assert.Equal(Clip, File.ReadAllBytes(Path.Combine(_folder, "clip.mp4")));
        Assert.Equal(2, _server.Requests.Count(r => r.Host == "download"));
    }

    [Fact]
    public async Task A_body_that_never_becomes_a_whole_clip_fails_with_the_job_id()
    {
        _server.Download = (context, _) => WriteAsync(context, Clip[..(Clip.Length / 2)], announceLength: false);

        var error = await Assert.ThrowsAsync<VideoGenerationInterruptedException>(() => DownloadAsync("clip.mp4"));

        Assert.Equal("job_1", error.JobId);
        Assert.Contains("job_1", Assert.IsType<InvalidDataException>(error.InnerException).Message);
        AssertOnlyFiles();
    }

    [Fact]
    public async Task A_clip_is_recognised_by_its_ftyp_box_when_neither_the_job_nor_the_host_names_its_type()
    {
        // A status without mime_type, a host that says octet-stream and announces the cut length: only the bytes tell.
        _server.Api = context => context.Response.WriteAsync($$"""{"id":"job_1","status":"completed","url":"{{new Uri(_server.DownloadAddress, "/clip.mp4")}}"}""");
        _server.Download = (context, n) => n == 1
            ? WriteAsync(context, Clip[..(Clip.Length * 9 / 10)], contentType: "application/octet-stream")
            : WriteAsync(context, Clip, contentType: "application/octet-stream");

        await DownloadAsync("clip.mp4");

        Assert.Equal(Clip, File.ReadAllBytes(Path.Combine(_folder, "clip.mp4")));
        Assert.Equal(2, _server.Requests.Count(r => r.Host == "download"));
    }

    [Fact]
    public async Task Bytes_that_are_not_an_mp4_are_saved_as_they_came_when_nothing_says_mp4()
    {
        // No type from the job, a generic one from the host, no ftyp box: there is no container to check, only the length.
        byte[] webm = [0x1A, 0x45, 0xDF, 0xA3, .. new byte[5000]];
        _server.Api = context => context.Response.WriteAsync($$"""{"id":"job_1","status":"completed","url":"{{new Uri(_server.DownloadAddress, "/clip.webm")}}","mime_type":"video/webm"}""");
        _server.Download = (context, _) => WriteAsync(context, webm, contentType: "application/octet-stream");

        await DownloadAsync("clip.webm");

        Assert.Equal(webm, File.ReadAllBytes(Path.Combine(_folder, "clip.webm")));
    }

    [Fact]
    public async Task A_body_longer_than_announced_is_not_appended_as_success()
    {
        _server.Download = (context, n) => n == 1 ? WriteAsync(context, [.. Clip, .. Clip[..1000]], contentLengthOverride: Clip.Length) : WriteAsync(context, Clip);

        await DownloadAsync("clip.mp4");

        Assert.Equal(Clip, File.ReadAllBytes(Path.Combine(_folder, "clip.mp4")));
    }

    [Fact]
    public async Task An_existing_partial_link_is_never_followed()
    {
        var victim = Path.Combine(_folder, "victim.txt");
        File.WriteAllText(victim, "precious");
        File.CreateSymbolicLink(Path.Combine(_folder, "clip.mp4.partial"), victim);
        _server.Download = (context, _) => WriteAsync(context, Clip);

        await DownloadAsync("clip.mp4");

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Equal(Clip, File.ReadAllBytes(Path.Combine(_folder, "clip.mp4")));
    }

    [Fact]
    public async Task Two_downloads_to_one_path_do_not_destroy_each_other()
    {
        _server.Download = (context, _) => WriteAsync(context, Clip);

        await Task.WhenAll(DownloadAsync("clip.mp4"), DownloadAsync("clip.mp4"));

        Assert.Equal(Clip, File.ReadAllBytes(Path.Combine(_folder, "clip.mp4")));
        AssertOnlyFiles("clip.mp4");
    }

    [Fact]
    public async Task A_missing_folder_is_refused_before_the_paid_post()
    {
        _server.Download = (context, _) => WriteAsync(context, Clip);

        Assert.Contains("missing", (await Assert.ThrowsAsync<ArgumentException>(() => _client.GenerateToFileAsync(LiveModel.Request(), Path.Combine(_folder, "missing", "clip.mp4")))).Message);
        await Assert.ThrowsAsync<ArgumentException>(() => _client.GenerateToFileAsync(LiveModel.Request(), _folder));

        Assert.DoesNotContain(_server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task The_download_host_never_sees_the_key()
    {
        _server.Download = (context, n) => n == 1 ? DropAfterAsync(context, 1000) : WriteAsync(context, Clip);

        await DownloadAsync("clip.mp4");

        Assert.All(_server.Requests.Where(r => r.Host == "download"), r => Assert.Null(r.Authorization));
        Assert.Contains(_server.Requests, r => r.Host == "api" && r.Authorization == $"Bearer {Key}");
    }

    private async Task DownloadAsync(string name)
    {
        var status = await _client.GetStatusAsync("job_1");
        await _client.DownloadToFileAsync(status, Path.Combine(_folder, name));
    }

    private void AssertOnlyFiles(params string[] names) =>
        Assert.Equal(names.Order(), Directory.GetFiles(_folder).Select(Path.GetFileName).Order()!);

    private static async Task WriteAsync(HttpContext context, byte[] body, int status = 200, string? contentRange = null, bool announceLength = true, long? contentLengthOverride = null, string contentType = "video/mp4")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (announceLength)
        {
            context.Response.ContentLength = contentLengthOverride ?? body.Length;
        }

        if (contentRange is not null)
        {
            context.Response.Headers.ContentRange = contentRange;
        }

        context.Response.Headers.AcceptRanges = "bytes";
        try
        {
            await context.Response.Body.WriteAsync(body);
        }
        catch (InvalidOperationException)
        {
            // Kestrel refuses to write past a declared Content-Length: the client sees the declared length only.
        }
    }

    private static async Task DropAfterAsync(HttpContext context, int bytes)
    {
        context.Response.ContentType = "video/mp4";
        context.Response.ContentLength = Clip.Length;
        context.Response.Headers.AcceptRanges = "bytes";
        await context.Response.Body.WriteAsync(Clip.AsMemory(0, bytes));
        await context.Response.Body.FlushAsync();
        // An abort is a TCP reset, which discards bytes still queued: give them time to reach the client first.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        context.Abort();
    }
}
