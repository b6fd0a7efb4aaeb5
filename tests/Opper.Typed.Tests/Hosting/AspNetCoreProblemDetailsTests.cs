using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Opper.Typed.Emulator;

namespace Opper.Typed.Tests.Hosting;

/// <summary>The ASP.NET Core sample answers every failure as ProblemDetails with a status a caller can act on, never an empty 500.</summary>
[Collection(AspNetCoreSampleHosts.Name)]
public sealed class AspNetCoreProblemDetailsTests
{
    [Fact]
    public async Task An_empty_prompt_is_a_400_naming_the_field()
    {
        await using var host = await SampleHost.StartAsync();

        var (status, problem) = await host.PostAsync(new { prompt = "" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("prompt", out _));
        Assert.Empty(host.Emulator.Requests);
    }

    [Fact]
    public async Task A_value_the_model_refuses_is_a_400_with_the_field_and_the_fix_and_nothing_is_paid_for()
    {
        await using var host = await SampleHost.StartAsync();

        var (status, problem) = await host.PostAsync(new { prompt = "a cat", seconds = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("parameters.durationSeconds", problem.GetProperty("field").GetString());
        Assert.Equal("Use one of the listed values.", problem.GetProperty("fix").GetString());
        Assert.Contains("'parameters.durationSeconds' must be one of", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(host.Emulator.Requests, r => r.Method == "POST");
    }

    [Theory]
    [InlineData("""{"prompt":"a cat","seconds":"eight"}""", "seconds", "JSON number")]   // a string where a number goes
    [InlineData("""{"prompt":"a cat","seconds":4.5}""", "seconds", "JSON number")]      // not a whole number
    [InlineData("""{"prompt":42}""", "prompt", "JSON string")]
    [InlineData("""{"prompt":"a cat",""", "body", "JSON object")]                      // cut off
    [InlineData("""prompt=a cat""", "body", "JSON object")]                            // not JSON at all
    public async Task A_body_that_cannot_be_read_is_a_400_naming_the_field_and_the_fix(string body, string field, string fix)
    {
        await using var host = await SampleHost.StartAsync();

        using var response = await host.Http.PostAsync("/videos", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(fix, problem.GetProperty("fix").GetString());
        Assert.StartsWith($"'{field}' could not be read: ", problem.GetProperty("detail").GetString());
        Assert.Empty(host.Emulator.Requests);
    }

    [Fact]
    public async Task An_unknown_job_is_a_404()
    {
        await using var host = await SampleHost.StartAsync();

        using var response = await host.Http.GetAsync("/videos/gen_does_not_exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No such video job", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_error_from_Opper_is_a_502_carrying_its_message()
    {
        await using var host = await SampleHost.StartAsync(faults => { faults.ServerErrorOnRequest = 1; faults.ServerErrorStatus = 402; });

        var (status, problem) = await host.PostAsync(new { prompt = "a cat" });

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Equal(402, problem.GetProperty("upstreamStatus").GetInt32());
        Assert.Equal("Injected server error on request 1 (emulated).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_job_still_running_when_the_wait_ends_is_a_503_with_its_id()
    {
        await using var host = await SampleHost.StartAsync(jobDuration: TimeSpan.FromHours(1), pollingTimeout: "00:00:00.300");
        var (_, started) = await host.PostAsync(new { prompt = "a cat" });
        var id = started.GetProperty("id").GetString();

        using var response = await host.Http.GetAsync($"/videos/{id}/clip");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(id, problem.GetProperty("jobId").GetString());
    }

    /// <summary>The sample in a WebApplicationFactory, configured with an emulator's address and key as appsettings would.</summary>
    private sealed class SampleHost : IAsyncDisposable
    {
        private SampleHost(OpperEmulator emulator, WebApplicationFactory<Program> app)
        {
            Emulator = emulator;
            App = app;
            Http = app.CreateClient();
        }

        public OpperEmulator Emulator { get; }

        public WebApplicationFactory<Program> App { get; }

        public HttpClient Http { get; }

        public static async Task<SampleHost> StartAsync(Action<EmulatorFaults>? faults = null, TimeSpan? jobDuration = null, string pollingTimeout = "00:00:30")
        {
            var options = new OpperEmulatorOptions { JobDuration = jobDuration ?? TimeSpan.Zero };
            faults?.Invoke(options.Faults);
            var emulator = await OpperEmulator.StartAsync(options);
            var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
                .UseSetting("Opper:ApiKey", emulator.ApiKey)
                .UseSetting("Opper:BaseAddress", emulator.BaseAddress.ToString())
                .UseSetting("Opper:Retry:MaxRetries", "0")
                .UseSetting("Opper:Polling:FirstPollDelay", "00:00:00.010")
                .UseSetting("Opper:Polling:Interval", "00:00:00.020")
                .UseSetting("Opper:Polling:MaxInterval", "00:00:00.050")
                .UseSetting("Opper:Polling:Timeout", pollingTimeout));
            return new SampleHost(emulator, app);
        }

        public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object body)
        {
            using var response = await Http.PostAsJsonAsync("/videos", body);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
