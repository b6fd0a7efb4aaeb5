using System.Text.Json.Nodes;
using Opper.Typed.Emulator;
using Opper.Typed.Testing;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Files;

/// <summary>
/// The Files guide end to end, with typed requests, against the emulator (which resolves file ids as Opper does): a
/// local image animates on every image-to-video model with one call, and a clip's stored output feeds an edit.
/// </summary>
public sealed class FileChainTests
{
    private static readonly string FirstFrame = Path.Combine(RepositoryPaths.Root, "samples", "ImageToVideo", "first-frame.png");

    public static TheoryData<string> ImageToVideoModels => new(OpperVideoModels.Catalog.Models
        .Where(model => model.RetiredAt is null && model.TakesImage)
        .Select(model => model.Id));

    [Theory]
    [MemberData(nameof(ImageToVideoModels))]
    public async Task A_local_image_animates_on_every_image_to_video_model_with_one_call(string model)
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.JobDuration = TimeSpan.Zero);
        var request = new VideoRequest(model, "the yellow square rises like a sun") { Image = MediaInput.FromFile(FirstFrame) };

        var done = await fx.Client.GenerateToFileAsync(request, fx.PathOf("clip.mp4"));

        Assert.True(File.Exists(fx.PathOf("clip.mp4")));
        Assert.StartsWith("file_", done.FileId);
        var sent = JsonNode.Parse(fx.Requests(EmulatorHost.Api, "POST").Single(r => r.Path == "/v3/videos").Body)!["image"]!.GetValue<string>();
        var takesInline = OpperVideoModels.Catalog.TryGet(model, out var spec) && spec.AcceptedMedia.Contains(MediaSourceKind.DataUri);
        // Inline where the provider takes data-URIs; else uploaded once and sent as its id, which the emulator resolved.
        Assert.Matches(takesInline ? "^data:image/png;base64," : "^file_[0-9a-f]+$", sent);
        Assert.Equal(takesInline ? 0 : 1, fx.Requests(EmulatorHost.Api, "POST").Count(r => r.Path == "/v3/files"));
    }

    [Fact]
    public async Task An_uploaded_image_and_then_the_clips_stored_output_feed_the_next_requests()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.JobDuration = TimeSpan.Zero);

        OpperFile image = await fx.Client.Files.UploadAsync(FirstFrame);
        var operation = await fx.Client.StartGenerationAsync(new WanI2vRequest("a paper boat on a stream") { Image = MediaInput.FromFileId(image.Id) });
        var done = await operation.WaitForCompletionAsync();
        var night = new VaceRequest("make it night") { Video = MediaInput.FromFileId(done.FileId!) };
        var edited = await fx.Client.GenerateToFileAsync(night, fx.PathOf("night.mp4"));
        await fx.Client.Files.DownloadToFileAsync(done.FileId!, fx.PathOf("first.mp4"));

        Assert.Equal(done.FileId, operation.FileId);
        Assert.NotEqual(done.FileId, edited.FileId);
        var posts = fx.Requests(EmulatorHost.Api, "POST").Where(r => r.Path == "/v3/videos").Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(image.Id, (string?)posts[0]["image"]);
        Assert.Equal(done.FileId, (string?)posts[1]["video"]);
        Assert.True(new FileInfo(fx.PathOf("first.mp4")).Length > 0);
        var listed = new List<string>();
        await foreach (var file in fx.Client.Files.ListAsync())
        {
            listed.Add(file.Id);
        }

        Assert.Contains(image.Id, listed);
        Assert.Contains(done.FileId!, listed);
        Assert.Contains(edited.FileId!, listed);
    }

    [Fact]
    public async Task Store_false_on_a_typed_request_keeps_no_output_and_changes_nothing_else()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.JobDuration = TimeSpan.Zero);

        var done = await fx.Client.GenerateToFileAsync(new Veo31FastGenerate001Request("a cat") { Store = false }, fx.PathOf("clip.mp4"));

        Assert.Null(done.FileId);
        Assert.True(File.Exists(fx.PathOf("clip.mp4")));
        Assert.Equal(false, (bool?)JsonNode.Parse(fx.Requests(EmulatorHost.Api, "POST").Single().Body)!["store"]);
    }
}
