using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Hosting;

/// <summary>Code that uses the client can be tested with a fake derived from it, without the emulator or a network.</summary>
public sealed class MockingTests
{
    [Fact]
    public async Task A_derived_fake_client_and_operation_stand_in_for_the_real_ones()
    {
        var client = new FakeVideos();

        var id = await ThumbnailService.StartAsync(client, "a cat");
        var bytes = await ThumbnailService.FetchAsync(client, id);

        Assert.Equal("gen_fake", id);
        Assert.Equal([1, 2, 3], bytes);
        Assert.Equal("a cat", client.LastPrompt);
    }

    [Fact]
    public void A_derived_class_gets_an_unconnected_client_and_a_member_it_did_not_override_says_so()
    {
        var client = new FakeVideos();

        var error = Assert.Throws<InvalidOperationException>(() => client.GetGenerationOperation("gen_1"));

        Assert.Contains("override the member you call", error.Message);
    }

    /// <summary>The code under test: it knows only the public API.</summary>
    private static class ThumbnailService
    {
        public static async Task<string> StartAsync(OpperVideoClient client, string prompt) =>
            (await client.StartGenerationAsync(LiveModel.Request(prompt))).Id;

        public static async Task<byte[]> FetchAsync(OpperVideoClient client, string id)
        {
            await using var stream = await client.GetGenerationOperation(id).OpenReadAsync();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private sealed class FakeVideos : OpperVideoClient
    {
        public string? LastPrompt { get; private set; }

        public override Task<VideoGenerationOperation> StartGenerationAsync(IVideoRequest request, CancellationToken cancellationToken = default)
        {
            LastPrompt = request.ToWireRequest().Prompt;
            return Task.FromResult<VideoGenerationOperation>(new FakeOperation("gen_fake"));
        }

        public override VideoGenerationOperation GetGenerationOperation(string id) =>
            id == "gen_fake" ? new FakeOperation(id) : base.GetGenerationOperation(id);
    }

    private sealed class FakeOperation(string id) : VideoGenerationOperation
    {
        public override string Id => id;

        public override bool HasCompleted => true;

        public override Task<Stream> OpenReadAsync(CancellationToken cancellationToken = default) => Task.FromResult<Stream>(new MemoryStream([1, 2, 3]));
    }
}
