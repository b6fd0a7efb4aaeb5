using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Hosting;

/// <summary>
/// The ASP.NET Core sample in a test host: the key and address come from configuration (as appsettings, user-secrets
/// or --Opper:ApiKey= would give them), and the sample starts, polls and streams a clip with them.
/// </summary>
[Collection(AspNetCoreSampleHosts.Name)]
public sealed class AspNetCoreSampleTests
{
    private const string ConfiguredKey = "op-from-configuration-0123";

    [Fact]
    public async Task The_sample_binds_the_key_from_configuration_and_streams_a_clip()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero, ApiKey = ConfiguredKey });
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Opper:ApiKey", ConfiguredKey)
            .UseSetting("Opper:BaseAddress", emulator.BaseAddress.ToString())
            .UseSetting("Opper:Polling:FirstPollDelay", "00:00:00.010")
            .UseSetting("Opper:Polling:Interval", "00:00:00.020")
            .UseSetting("Opper:Polling:MaxInterval", "00:00:00.050"));
        using var http = app.CreateClient();

        using var started = await http.PostAsJsonAsync("/videos", new { prompt = "a hot air balloon at dawn" });
        var id = (await started.Content.ReadFromJsonAsync<Started>())!.Id;
        var clip = await http.GetByteArrayAsync($"/videos/{id}/clip");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.True(Mp4Probe.HasFtyp(clip));
        var api = emulator.Requests.Where(r => r.Host == EmulatorHost.Api).ToList();
        Assert.Contains(api, r => r.Method == "POST");
        // The emulator takes only ConfiguredKey, so these answered requests carried it; it records the header redacted.
        Assert.All(api, r => Assert.Equal("Bearer ***", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_bad_setting_stops_the_app_at_start_up_naming_it()
    {
        // The real process, as `dotnet run --project samples/AspNetCore -- --Opper:MaxDownloadAttempts=0` starts it: a
        // host that fails to start inside WebApplicationFactory races its own disposal (an ObjectDisposedException
        // now and then instead of the error), a process simply exits.
        var folder = Directory.CreateTempSubdirectory("opper-typed-sample-").FullName;
        try
        {
            var (code, output) = await SampleProcess.RunAsync("AspNetCore", folder, new Dictionary<string, string?>(),
                "--Opper:ApiKey=k", "--Opper:MaxDownloadAttempts=0", "--urls", "http://127.0.0.1:0");

            Assert.NotEqual(0, code);
            Assert.Contains("OpperVideoClientOptions.MaxDownloadAttempts", output);
            Assert.DoesNotContain("Now listening on", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Started(string Id, string Status);
}
