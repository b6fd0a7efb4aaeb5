using Microsoft.AspNetCore.Http;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Faults;

/// <summary>The key goes to the API host in the Authorization header and nowhere else: not into exceptions, not into what the emulator records.</summary>
public sealed class KeyHygieneTests
{
    private const string Key = "op-live-0123456789abcdef";

    [Fact]
    public async Task A_server_error_that_echoes_the_key_does_not_carry_it_into_the_exception()
    {
        await using var server = await FaultServer.StartAsync();
        server.Api = context =>
        {
            context.Response.StatusCode = 401;
            return context.Response.WriteAsync("{\"error\":{\"code\":\"unauthorized\",\"message\":\"Key " + Key + " is not valid\",\"details\":{\"key\":\"" + Key + "\"}}}");
        };
        using var client = new OpperVideoClient(EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = server.ApiAddress }));

        var error = await Assert.ThrowsAsync<OpperApiException>(() => client.GetStatusAsync("job_1"));

        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Details?.GetRawText() ?? "", StringComparison.Ordinal);
        Assert.Contains("***", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_download_url_is_not_blamed_on_the_key()
    {
        await using var server = await FaultServer.StartAsync();
        server.Api = context => context.Response.WriteAsync(server.CompletedStatus("job_1"));
        server.Download = (context, _) => { context.Response.StatusCode = 401; return Task.CompletedTask; };
        var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = Key, BaseAddress = server.ApiAddress });
        options.MaxDownloadAttempts = 2;
        using var client = new OpperVideoClient(options);
        var folder = Directory.CreateTempSubdirectory("opper-typed-keys-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<OpperApiException>(async () => await client.DownloadToFileAsync(await client.GetStatusAsync("job_1"), Path.Combine(folder, "clip.mp4")));

            Assert.DoesNotContain("OPPER_API_KEY", error.Hint, StringComparison.Ordinal);
            Assert.Contains("download host", error.Hint, StringComparison.Ordinal);
            Assert.Equal("job_1", error.JobId);
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
