using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Storage;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.Dashboard;

/// <summary>Providers only say "processing": the dashboard says how long a waiting job is expected to take, from what jobs of its shape took.</summary>
public sealed class ExpectedRemainingTests
{
    [Fact]
    public async Task A_waiting_jobs_page_and_its_row_show_the_time_left_learned_from_jobs_of_its_shape_in_the_storage()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMinutes(5) });
        using var folder = new TempFolder();
        var storage = new InMemoryStorage();
        var request = new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 };
        await using var host = await DurableHost.StartAsync(emulator, storage);
        using (var connection = storage.GetConnection())
        {
            // Two earlier jobs of this shape finished after about two minutes (each between two checks 10 s apart).
            var shared = host.Services.GetRequiredService<SharedCompletions>();
            shared.Record(connection, JobShape.Of(request.ToWireRequest()), TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(120));
            shared.Record(connection, JobShape.Of(request.ToWireRequest()), TimeSpan.FromSeconds(115), TimeSpan.FromSeconds(125));
        }

        var key = await host.Scheduler.EnqueueAsync(request, folder.File("cat.mp4"));
        await Until.JobAsync(host.Scheduler, key, job => job is { State: DurableVideoJobState.Waiting, OpperJobId: not null });
        await using var dashboard = await DashboardServer.StartAsync(storage);
        using var http = new HttpClient { BaseAddress = dashboard.Address };

        var jobPage = await http.GetStringAsync(new Uri($"hangfire/jobs/details/{key}", UriKind.Relative));
        var listPage = await http.GetStringAsync(new Uri("hangfire/opper-videos?state=Waiting", UriKind.Relative));

        Assert.Matches(@"expected in about (1 min|[5-9][0-9] s|1[0-9][0-9] s)", jobPage); // about two minutes, less the seconds it has waited
        Assert.Contains("expected in about", listPage);   // the row, from what the job page read
    }
}
