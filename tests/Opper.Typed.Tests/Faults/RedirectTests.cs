using System.Net;
using Microsoft.AspNetCore.Http;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Faults;

/// <summary>
/// The API calls believe the API's own origin only: a redirect there is followed (with the key), one to another origin is
/// an error naming its <c>Location</c>, and that origin never hears from the client. Polls are in the fault matrix.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime, IDisposable
{
    private const string Models = """{"models":[],"total":0,"offset":0,"limit":100}""";
    private FaultServer _server = null!;
    private OpperVideoClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync();
        _client = new OpperVideoClient(EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = "test-key", BaseAddress = _server.ApiAddress }));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_catalog_redirect_to_another_origin_is_an_error_naming_the_location()
    {
        var elsewhere = new Uri(_server.DownloadAddress, "/v3/videos/models");
        _server.Api = context => Redirect(context, elsewhere);
        _server.Download = (context, _) => FaultScene.Json(context, 200, Models);

        var error = await Assert.ThrowsAsync<OpperApiException>(() => _client.ListModelsAsync());

        Assert.Equal(HttpStatusCode.Found, error.Status);
        Assert.Equal("redirect_not_followed", error.ErrorCode);
        Assert.Contains(elsewhere.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.Host == "download");
    }

    [Fact]
    public async Task A_catalog_redirect_on_the_same_origin_is_followed_with_the_key()
    {
        _server.Api = context => context.Request.Path == "/v3/videos/models"
            ? Redirect(context, new Uri(_server.ApiAddress, "/v3/videos/models-moved"))
            : FaultScene.Json(context, 200, Models);

        var models = await _client.ListModelsAsync();

        Assert.Empty(models.Models);
        Assert.Contains(_server.Requests, r => r.Path == "/v3/videos/models-moved" && r.Authorization == "Bearer test-key");
    }

    [Fact]
    public async Task A_redirect_loop_on_the_same_origin_ends_as_an_error()
    {
        _server.Api = context => Redirect(context, new Uri(_server.ApiAddress, $"/v3/artifacts/job_1/status?hop={context.Request.Query["hop"].Count + 1}"));

        var error = await Assert.ThrowsAsync<OpperApiException>(() => _client.GetStatusAsync("job_1"));

        Assert.Equal("redirect_not_followed", error.ErrorCode);
        Assert.Equal("job_1", error.JobId);
        Assert.InRange(_server.Requests.Count, 2, 10);
    }

    private static Task Redirect(HttpContext context, Uri target)
    {
        context.Response.StatusCode = (int)HttpStatusCode.Found;
        context.Response.Headers.Location = target.ToString();
        return Task.CompletedTask;
    }
}
