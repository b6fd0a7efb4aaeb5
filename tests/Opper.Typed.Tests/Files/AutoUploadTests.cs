namespace Opper.Typed.Tests.Files;

/// <summary>
/// <see cref="MediaUploadMode.Auto"/>: local media a provider cannot take inline is uploaded once and sent as its file id,
/// after validation; <see cref="MediaUploadMode.Never"/> keeps today's refusal.
/// </summary>
public sealed class AutoUploadTests : IAsyncLifetime
{
    private FilesScene _scene = null!;
    private string _image = null!;

    public async Task InitializeAsync()
    {
        _scene = await FilesScene.StartAsync();
        _image = Path.Combine(_scene.Folder, "first-frame.png");
        await File.WriteAllBytesAsync(_image, FilesClientTests.Png(40_000, seed: 7));
    }

    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Theory]
    [InlineData("xai/grok-imagine-video")]
    [InlineData("pruna/wan-i2v")]
    public async Task A_local_file_on_a_provider_without_data_uris_is_uploaded_and_sent_as_its_file_id(string model)
    {
        await _scene.Client.StartGenerationAsync(new VideoRequest(model, "the cat walks away") { Image = MediaInput.FromFile(_image) });

        var upload = Assert.Single(_scene.Uploads);
        Assert.Equal(await File.ReadAllBytesAsync(_image), upload.Bytes);
        var posted = Assert.Single(_scene.Submissions);
        Assert.Equal(_scene.Stored.Keys.Single(), posted.RootElement.GetProperty("image").GetString());
    }

    [Fact]
    public async Task The_same_bytes_twice_are_uploaded_once()
    {
        await _scene.Client.StartGenerationAsync(new VideoRequest("xai/grok-imagine-video", "one") { Image = MediaInput.FromFile(_image) });
        await _scene.Client.StartGenerationAsync(new VideoRequest("xai/grok-imagine-video", "two") { Image = MediaInput.FromBytes(await File.ReadAllBytesAsync(_image)) });

        Assert.Single(_scene.Uploads);
        var ids = _scene.Submissions.Select(s => s.RootElement.GetProperty("image").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Media_over_the_inline_limit_is_uploaded_even_where_data_uris_are_taken()
    {
        using var client = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = FilesScene.Key, BaseAddress = _scene.Server.ApiAddress, InlineMediaMaxBytes = 1024 });

        await client.StartGenerationAsync(new VideoRequest("vertexai/veo-3.1-generate-001", "the cat walks away") { Image = MediaInput.FromFile(_image) });

        Assert.Single(_scene.Uploads);
        Assert.StartsWith("file_", Assert.Single(_scene.Submissions).RootElement.GetProperty("image").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Never_refuses_local_media_on_a_provider_without_data_uris_as_before()
    {
        using var client = new OpperVideoClient(new OpperVideoClientOptions { ApiKey = FilesScene.Key, BaseAddress = _scene.Server.ApiAddress, MediaUpload = MediaUploadMode.Never });

        var refused = await Assert.ThrowsAsync<OpperValidationException>(() =>
            client.StartGenerationAsync(new VideoRequest("xai/grok-imagine-video", "the cat walks away") { Image = MediaInput.FromFile(_image) }));

        Assert.Equal("OPPER001", refused.RuleId);
        Assert.Empty(_scene.Server.Requests);
    }

    [Fact]
    public async Task A_data_uri_the_caller_wrote_is_not_uploaded()
    {
        var written = "data:image/png;base64," + Convert.ToBase64String(await File.ReadAllBytesAsync(_image));

        var refused = await Assert.ThrowsAsync<OpperValidationException>(() =>
            _scene.Client.StartGenerationAsync(new VideoRequest("xai/grok-imagine-video", "the cat walks away") { Image = written }));

        Assert.Equal("OPPER001", refused.RuleId);
        Assert.Empty(_scene.Server.Requests);
    }

    [Fact]
    public async Task A_request_the_rules_refuse_uploads_nothing()
    {
        var request = new VideoRequest("xai/grok-imagine-video", "the cat walks away") { Image = MediaInput.FromFile(_image) };
        request.Parameters["no_such_parameter"] = 1;

        await Assert.ThrowsAsync<OpperValidationException>(() => _scene.Client.StartGenerationAsync(request));

        Assert.Empty(_scene.Server.Requests);
    }
}
