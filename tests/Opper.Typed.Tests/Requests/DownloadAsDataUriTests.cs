using System.Net;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Requests;

public sealed class DownloadAsDataUriTests
{
    [Fact]
    public async Task A_url_becomes_a_data_uri_of_the_same_bytes()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var done = await fx.Client.WaitForCompletionAsync((await fx.Client.SubmitAsync(LiveModel.Request())).Id);

        var inline = await MediaInput.DownloadAsDataUriAsync(done.Url!);

        Assert.Equal(MediaSourceKind.DataUri, inline.Kind);
        Assert.Equal("video/mp4", inline.MediaType);
        var bytes = Convert.FromBase64String(inline.Value[(inline.Value.IndexOf(',') + 1)..]);
        Assert.Equal(22175, bytes.Length);
        Assert.True(Mp4Probe.HasFtyp(bytes));
    }

    [Fact]
    public async Task The_cap_is_enforced_and_named()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var done = await fx.Client.WaitForCompletionAsync((await fx.Client.SubmitAsync(LiveModel.Request())).Id);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MediaInput.DownloadAsDataUriAsync(done.Url!, maxBytes: 1000));

        Assert.Contains("over the 1000-byte cap", error.Message);
    }

    [Fact]
    public async Task An_error_status_names_the_status()
    {
        await using var fx = await EmulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => MediaInput.DownloadAsDataUriAsync(new Uri(fx.Emulator.DownloadBaseAddress, "clips/nope.mp4").ToString()));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Only_http_urls_are_downloaded() =>
        await Assert.ThrowsAsync<ArgumentException>(() => MediaInput.DownloadAsDataUriAsync("file:///etc/passwd"));
}
