using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Hosting;

/// <summary>AddOpperVideos as the ecosystem expects: a singleton, options bound from configuration, nothing shared mutated, no key in the logs.</summary>
public sealed class DependencyInjectionTests
{
    private const string SecretKey = "op-live-DI-SECRET-0123456789";

    [Fact]
    public async Task A_configuration_section_binds_the_key_the_address_and_the_polling_and_retry_settings()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero, ApiKey = SecretKey });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Opper:ApiKey"] = SecretKey,
            ["Opper:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["Opper:RequestTimeout"] = "00:00:30",
            ["Opper:Polling:FirstPollDelay"] = "00:00:00.010",
            ["Opper:Polling:Interval"] = "00:00:00.020",
            ["Opper:Polling:MaxInterval"] = "00:00:00.050",
            ["Opper:Polling:BackoffFactor"] = "1.5",
            ["Opper:Retry:MaxRetries"] = "2",
            ["Opper:Retry:BaseDelay"] = "00:00:00.020",
            ["Opper:Retry:MaxRetryAfter"] = "00:00:10",
            ["Opper:DownloadStallTimeout"] = "00:00:05",
            ["Opper:MaxConnectionsPerServer"] = "8",
            ["Opper:Polling:Jitter"] = "0.1",
        }).Build();
        var services = new ServiceCollection().AddOpperVideos(configuration.GetSection("Opper"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value;
        var client = provider.GetRequiredService<OpperVideoClient>();
        var operation = await client.StartGenerationAsync(LiveModel.Request());
        await using var clip = await operation.OpenReadAsync();

        Assert.Same(client, provider.GetRequiredService<OpperVideoClient>()); // one singleton, one handler set
        Assert.Equal((TimeSpan.FromMilliseconds(20), 1.5, 2), (options.Polling.Interval, options.Polling.BackoffFactor, options.Retry.MaxRetries));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)), (options.Retry.MaxRetryAfter, options.DownloadStallTimeout));
        Assert.Equal((8, 0.1), (options.MaxConnectionsPerServer, options.Polling.Jitter));
        Assert.Null(options.LoggerFactory); // the options handed out are not mutated by the registration
        // The emulator takes only SecretKey, so these answered requests carried it; it records the header redacted.
        Assert.All(emulator.Requests.Where(r => r.Host == EmulatorHost.Api), r => Assert.Equal("Bearer ***", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Calling_AddOpperVideos_twice_layers_the_options_and_keeps_one_handler_chain()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { Faults = { RateLimitFirstGets = 100, RetryAfter = TimeSpan.Zero } });
        var services = new ServiceCollection()
            .AddOpperVideos(o => { o.ApiKey = emulator.ApiKey; EmulatorFixture.FastPolling(o); o.Retry.MaxRetries = 1; })
            .AddOpperVideos(o => o.BaseAddress = emulator.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<OpperApiException>(() => provider.GetRequiredService<OpperVideoClient>().GetStatusAsync("gen_1"));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(2, emulator.Requests.Count); // one retry; a second chain would retry each attempt of the first
    }

    [Fact]
    public void A_value_that_does_not_parse_names_its_configuration_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Opper:ApiKey"] = "k",
            ["Opper:Polling:Interval"] = "five seconds",
        }).Build();
        using var provider = new ServiceCollection().AddOpperVideos(configuration.GetSection("Opper")).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value);

        Assert.Contains("'Opper:Polling:Interval' = 'five seconds' is not a time span", error.Message);
    }

    [Fact]
    public void Validation_names_every_invalid_setting()
    {
        using var provider = new ServiceCollection()
            .AddOpperVideos(o => { o.ApiKey = "k"; o.Polling.Interval = TimeSpan.Zero; o.MaxDownloadAttempts = 0; })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OpperVideoClientOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("OpperVideoClientOptions.Polling.Interval", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("OpperVideoClientOptions.MaxDownloadAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bearer_key_is_not_in_the_http_client_factorys_trace_logging_not_even_in_its_structured_state()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero, ApiKey = SecretKey });
        var sink = new StructuredLogSink();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(sink))
            .AddOpperVideos(o => { o.ApiKey = SecretKey; o.BaseAddress = emulator.BaseAddress; EmulatorFixture.FastPolling(o); });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<OpperVideoClient>();

        var operation = await client.StartGenerationAsync(LiveModel.Request());
        await operation.WaitForCompletionAsync();

        var entries = sink.Entries;
        // The factory's own handler logged the API requests' headers at Trace: the test would prove nothing otherwise.
        Assert.Contains(entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.Opper.Typed.Api", StringComparison.Ordinal) && e.Text.Contains("Request Headers", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Text.Contains("Submitted video job", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(SecretKey, e.Text + e.State, StringComparison.Ordinal));
        // The emulator takes only SecretKey, so these answered requests carried it; it records the header redacted.
        Assert.All(emulator.Requests.Where(r => r.Host == EmulatorHost.Api), r => Assert.Equal("Bearer ***", r.Headers["Authorization"]));
    }
}
