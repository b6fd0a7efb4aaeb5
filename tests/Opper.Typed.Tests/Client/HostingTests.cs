using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

public sealed class HostingTests
{
    [Fact]
    public async Task AddOpperVideos_builds_a_client_over_the_http_client_factory_that_round_trips()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero, ApiKey = "di-key" });
        var services = new ServiceCollection();
        services.AddOpperVideos(options =>
        {
            options.BaseAddress = emulator.BaseAddress;
            options.ApiKey = "di-key";
            EmulatorFixture.FastPolling(options);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<OpperVideoClient>();
        var path = Path.Combine(Path.GetTempPath(), $"opper-di-{Guid.NewGuid():N}.mp4");

        try
        {
            await client.GenerateToFileAsync(LiveModel.Request(), path);
            Assert.True(Mp4Probe.HasFtyp(await File.ReadAllBytesAsync(path)));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.All(emulator.Requests.Where(r => r.Host == EmulatorHost.Api), r => Assert.Equal("Bearer ***", r.Headers["Authorization"])); // sent, and recorded redacted
        Assert.False(emulator.Requests.Single(r => r.Host == EmulatorHost.Download).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Each_step_is_traced_under_the_Opper_Typed_activity_source()
    {
        // Listeners are process-wide and other tests run in parallel: keep only this test's trace.
        using var trace = new Activity("test").Start();
        var names = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OpperTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace.TraceId)
                {
                    lock (names)
                    {
                        names.Add(activity.OperationName);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var fx = await EmulatorFixture.StartAsync();

        await fx.Client.GenerateToFileAsync(LiveModel.Request(), fx.PathOf("clip.mp4"));

        lock (names)
        {
            Assert.Equal(["opper.video.submit", "opper.video.wait", "opper.video.download"], names);
        }
    }
}
