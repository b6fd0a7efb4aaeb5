using System.Net;
using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Tests.Files;

/// <summary>
/// <c>client.Files</c> against a Files API that is not the emulator: what arrives is exactly what was uploaded, lists
/// page to the end, downloads never carry the key to the download host and ask for a fresh URL when one expired, and
/// refusals say what to do.
/// </summary>
public sealed class FilesClientTests : IAsyncLifetime
{
    private FilesScene _scene = null!;

    public async Task InitializeAsync() => _scene = await FilesScene.StartAsync();

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    /// <summary>A PNG signature followed by random bytes: large enough to take many chunks.</summary>
    internal static byte[] Png(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        ((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task An_uploaded_file_arrives_byte_for_byte_with_its_name_purpose_and_time_to_live()
    {
        var bytes = Png(700_001);
        var path = Path.Combine(_scene.Folder, "cat.png");
        await File.WriteAllBytesAsync(path, bytes);

        var file = await _scene.Client.Files.UploadAsync(path, new OpperFileUploadOptions { TimeToLive = TimeSpan.FromHours(2) });

        var upload = Assert.Single(_scene.Uploads);
        Assert.Equal(bytes, upload.Bytes);
        Assert.Equal(("cat.png", "cat.png", "image/png", "reference_media", "7200"), (upload.PartFileName, upload.Filename, upload.PartContentType, upload.Purpose, upload.TtlSeconds));
        // A file's length is known, so the request says it: chunked framing splits every chunk into two socket writes and
        // makes the server parse frames (docs/performance.md, Uploads), and some hosts refuse a chunked upload.
        Assert.True(upload.RequestLength > bytes.Length, $"sent chunked or without its length ({upload.RequestLength})");
        Assert.StartsWith("file_", file.Id, StringComparison.Ordinal);
        Assert.Equal(bytes.Length, file.Bytes);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), file.CreatedAt);          // unix seconds
        Assert.Equal(new DateTimeOffset(2099, 1, 2, 0, 0, 0, TimeSpan.Zero), file.ExpiresAt);   // ISO-8601
        Assert.Equal(FilesScene.Key, _scene.Server.Requests.Single(r => r.Method == "POST").Authorization?["Bearer ".Length..]);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_sniffed_and_then_streamed_whole_without_a_time_to_live()
    {
        var bytes = Png(300_000, seed: 2);
        await using var stream = new ForwardOnlyStream(bytes);

        await _scene.Client.Files.UploadAsync(stream, "frame.png");

        var upload = Assert.Single(_scene.Uploads);
        Assert.Equal(bytes, upload.Bytes);
        Assert.Null(upload.TtlSeconds);
        Assert.Equal("reference_media", upload.Purpose);
    }

    [Fact]
    public async Task Bytes_the_purpose_does_not_accept_are_refused_before_anything_is_sent()
    {
        var path = Path.Combine(_scene.Folder, "notes.png");
        await File.WriteAllTextAsync(path, "these are notes, not a picture");

        var refused = await Assert.ThrowsAsync<OpperValidationException>(() => _scene.Client.Files.UploadAsync(path));

        Assert.Equal("file", refused.Field);
        Assert.Contains("reference_media", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_scene.Server.Requests);
    }

    [Fact]
    public async Task A_quota_refusal_names_the_limit_from_its_details_and_the_fix()
    {
        _scene.Server.Api = context => FilesScene.JsonAsync(context, 403,
            """{"error":{"code":"storage_quota_exceeded","message":"Storage quota exceeded","details":{"limit_bytes":10737418240,"used_bytes":10737000000}}}""");

        var refused = await Assert.ThrowsAsync<OpperApiException>(() => _scene.Client.Files.UploadAsync(new MemoryStream(Png(1000)), "a.png"));

        Assert.Equal((HttpStatusCode.Forbidden, "storage_quota_exceeded"), (refused.Status, refused.ErrorCode));
        Assert.Contains("quota", refused.Message, StringComparison.Ordinal);
        Assert.Contains("limit_bytes = 10737418240", refused.Message, StringComparison.Ordinal);
        Assert.Contains("client.Files.DeleteAsync", refused.Message, StringComparison.Ordinal);
        Assert.Single(_scene.Server.Requests);   // an upload counts against the quota: a refusal is not retried
    }

    [Fact]
    public async Task A_size_refusal_names_the_size_limit_and_the_fix()
    {
        _scene.Server.Api = context => FilesScene.JsonAsync(context, 413, """{"error":{"code":"file_too_large","message":"File too large"}}""");

        var refused = await Assert.ThrowsAsync<OpperApiException>(() => _scene.Client.Files.UploadAsync(new MemoryStream(Png(1000)), "a.png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Contains("upload size limit", refused.Message, StringComparison.Ordinal);
        Assert.Contains("upload a smaller file", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_pages_to_the_end()
    {
        for (var i = 0; i < 250; i++)
        {
            _scene.Stored[_scene.NewId()] = [1];
        }

        var listed = new List<OpperFile>();
        await foreach (var file in _scene.Client.Files.ListAsync())
        {
            listed.Add(file);
        }

        Assert.Equal(_scene.Stored.Keys.Order(StringComparer.Ordinal), listed.Select(f => f.Id));
        Assert.Equal(3, _scene.Server.Requests.Count(r => r.Method == "GET" && r.Path == "/v3/files"));
    }

    [Fact]
    public async Task A_download_is_whole_and_the_download_host_never_sees_the_key()
    {
        var bytes = Png(1_000_000, seed: 3);
        var file = await _scene.Client.Files.UploadAsync(new MemoryStream(bytes), "big.png");
        var path = Path.Combine(_scene.Folder, "copy.png");

        await _scene.Client.Files.DownloadToFileAsync(file.Id, path);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        var downloads = _scene.Server.Requests.Where(r => r.Host == "download").ToList();
        Assert.NotEmpty(downloads);
        Assert.All(downloads, d => Assert.Null(d.Authorization));
        Assert.Equal(["copy.png"], Directory.GetFiles(_scene.Folder).Select(Path.GetFileName).Where(n => n != "big.png"));
    }

    [Fact]
    public async Task An_expired_content_url_is_asked_for_again()
    {
        var bytes = Png(50_000, seed: 4);
        var file = await _scene.Client.Files.UploadAsync(new MemoryStream(bytes), "a.png");
        _scene.ContentPath = (id, call) => call == 1 ? $"/stored/{id}?expired=1" : $"/stored/{id}";
        var path = Path.Combine(_scene.Folder, "a.png");

        await _scene.Client.Files.DownloadToFileAsync(file.Id, path);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(2, _scene.ContentCalls);
    }

    [Fact]
    public async Task A_stored_file_opens_as_a_stream()
    {
        var bytes = Png(120_000, seed: 5);
        var file = await _scene.Client.Files.UploadAsync(new MemoryStream(bytes), "a.png");

        await using var stream = await _scene.Client.Files.OpenReadAsync(file.Id);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Delete_removes_the_file_and_a_missing_one_is_an_api_error()
    {
        var file = await _scene.Client.Files.UploadAsync(new MemoryStream(Png(100)), "a.png");

        await _scene.Client.Files.DeleteAsync(file.Id);

        Assert.Empty(_scene.Stored);
        Assert.Contains(_scene.Server.Requests, r => r.Method == "DELETE" && r.Path == $"/v3/files/{file.Id}");
        var missing = await Assert.ThrowsAsync<OpperApiException>(() => _scene.Client.Files.DeleteAsync(file.Id));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    /// <summary>A stream that reads forward only, as a network body or a pipe does.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Length => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    }
}
