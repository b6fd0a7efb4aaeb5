using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Hosting;

/// <summary>The ASP.NET Core sample's durable jobs: a job stored by one request, delivered by the app's Hangfire server, read back by key.</summary>
[Collection(AspNetCoreSampleHosts.Name)]
public sealed class AspNetCoreDurableJobsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opper-typed-web-jobs-").FullName;

    // Hangfire's SQLite storage may still hold the file open as the host stops; Linux deletes it anyway.
    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_durable_job_is_enqueued_by_a_request_and_delivered_by_the_apps_worker()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        var database = Path.Combine(_folder, "jobs.db");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Opper:ApiKey", emulator.ApiKey)
            .UseSetting("Opper:BaseAddress", emulator.BaseAddress.ToString())
            .UseSetting("Opper:Polling:FirstPollDelay", "00:00:00.050")
            .UseSetting("Opper:Polling:Interval", "00:00:00.100")
            .UseSetting("DurableJobs:Database", database));
        using var http = app.CreateClient();

        using var enqueued = await http.PostAsJsonAsync("/durable-videos", new { prompt = "a hot air balloon at dawn", seconds = 8 });
        Assert.Equal(HttpStatusCode.Accepted, enqueued.StatusCode);
        var key = (await enqueued.Content.ReadFromJsonAsync<Enqueued>())!.Key;
        Job? job = null;
        for (var i = 0; i < 600 && job?.State != "Completed"; i++)
        {
            await Task.Delay(100);
            job = await http.GetFromJsonAsync<Job>($"/durable-videos/{key}");
        }

        Assert.Equal("Completed", job!.State);
        Assert.StartsWith("gen_", job.OpperJobId);
        Assert.True(Mp4Probe.HasFtyp(await File.ReadAllBytesAsync(job.Destination)));
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "sample-output", "durable-jobs", "clips"), Path.GetDirectoryName(job.Destination)); // where git ignores it
        Assert.Single(emulator.Requests, r => r.Method == "POST");
        using var missing = await http.GetAsync("/durable-videos/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_durable_request_the_rules_refuse_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var app = App(emulator);
        using var http = app.CreateClient();

        using var refused = await http.PostAsJsonAsync("/durable-videos", new { prompt = "a cat", seconds = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("parameters.durationSeconds", await refused.Content.ReadAsStringAsync());
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task A_repeated_Idempotency_Key_header_gets_the_first_job_and_a_different_body_under_it_is_a_422()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        await using var app = App(emulator);
        using var http = app.CreateClient();
        var orderKey = $"order-{Guid.NewGuid():N}";

        async Task<HttpResponseMessage> PostAsync(object body)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/durable-videos") { Content = JsonContent.Create(body) };
            message.Headers.Add("Idempotency-Key", orderKey);
            return await http.SendAsync(message);
        }

        using var first = await PostAsync(new { prompt = "a hot air balloon at dawn", seconds = 4 });
        using var again = await PostAsync(new { prompt = "a hot air balloon at dawn", seconds = 4 });
        using var different = await PostAsync(new { prompt = "a submarine", seconds = 4 });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<Enqueued>())!.Key, (await again.Content.ReadFromJsonAsync<Enqueued>())!.Key);
        Assert.Equal((HttpStatusCode)422, different.StatusCode);
    }

    /// <summary>The sample against the emulator, its jobs in this test's own database.</summary>
    private WebApplicationFactory<Program> App(OpperEmulator emulator) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Opper:ApiKey", emulator.ApiKey)
            .UseSetting("Opper:BaseAddress", emulator.BaseAddress.ToString())
            .UseSetting("DurableJobs:Database", Path.Combine(_folder, "jobs.db")));

    private sealed record Enqueued(string Key, string Status);

    private sealed record Job(string Key, string State, string? OpperJobId, string Destination, string? Error);
}
