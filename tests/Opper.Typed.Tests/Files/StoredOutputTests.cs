using Opper.Typed.Testing;

namespace Opper.Typed.Tests.Files;

/// <summary>A finished job's stored output: its file id is on the operation, and it is where an expired clip comes from.</summary>
public sealed class StoredOutputTests : IAsyncLifetime
{
    private static readonly byte[] Clip = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "Opper.Typed.Emulator", "Clips", "1280x720.mp4"));
    private FilesScene _scene = null!;

    public async Task InitializeAsync() => _scene = await FilesScene.StartAsync();

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task A_clip_whose_url_expired_and_is_not_refreshed_comes_from_its_stored_file()
    {
        _scene.Stored["file_clip"] = Clip;
        // The status keeps handing out the same expired URL: only the stored output can still serve the clip.
        var expired = new Uri(_scene.Server.DownloadAddress, "/clip.mp4?expired=1");
        _scene.Status = context => FilesScene.JsonAsync(context, 200, $$"""{"id":"gen_1","status":"completed","url":"{{expired}}","mime_type":"video/mp4","file_id":"file_clip"}""");
        var operation = _scene.Client.GetGenerationOperation("gen_1");
        var path = Path.Combine(_scene.Folder, "clip.mp4");

        await operation.DownloadToFileAsync(path);

        Assert.Equal("file_clip", operation.FileId);
        Assert.Equal(Clip, await File.ReadAllBytesAsync(path));
        Assert.Equal(1, _scene.ContentCalls);
        Assert.All(_scene.Server.Requests.Where(r => r.Host == "download"), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task A_completed_job_without_a_file_id_keeps_the_refusal_of_its_expired_url()
    {
        var expired = new Uri(_scene.Server.DownloadAddress, "/clip.mp4?expired=1");
        _scene.Status = context => FilesScene.JsonAsync(context, 200, $$"""{"id":"gen_1","status":"completed","url":"{{expired}}","mime_type":"video/mp4"}""");
        var operation = _scene.Client.GetGenerationOperation("gen_1");

        var refused = await Assert.ThrowsAsync<OpperApiException>(() => operation.DownloadToFileAsync(Path.Combine(_scene.Folder, "clip.mp4")));

        Assert.Null(operation.FileId);
        Assert.Equal((System.Net.HttpStatusCode.Forbidden, "gen_1"), (refused.Status, refused.JobId));
        Assert.Equal(0, _scene.ContentCalls);
    }
}
