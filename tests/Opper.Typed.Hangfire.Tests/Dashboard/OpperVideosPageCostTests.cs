using Hangfire.InMemory;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Storage;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;
using Xunit.Abstractions;

namespace Opper.Typed.Hangfire.Tests.Dashboard;

/// <summary>What the "Opper videos" page costs the storage: a fixed number of queries, however many jobs there are.</summary>
public sealed class OpperVideosPageCostTests(ITestOutputHelper output)
{
    /// <summary>The layout's statistics, the budget line (two), the state's count and its page of rows.</summary>
    private const int MostQueries = 5;

    [Fact]
    public async Task A_page_of_300_jobs_across_states_costs_at_most_five_storage_queries()
    {
        await using var emulator = await OpperEmulator.StartAsync();
        using var folder = new TempFolder();
        var inner = new InMemoryStorage();
        await using var host = await DurableHost.StartAsync(emulator, inner, workers: 0);
        var keys = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            keys.Add(await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request($"clip {i}"), folder.File($"clip-{i}.mp4")));
        }

        // A third each: still queued, waiting on Opper, completed; moved as the steps move them (record and index together),
        // a second apart, so which are the newest does not hang on enqueues in the same millisecond.
        using (var connection = inner.GetConnection())
        {
            var store = new VideoJobStore(connection);
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            for (var i = 0; i < 300; i++)
            {
                var record = store.Read(keys[i])!;
                record.EnqueuedAt = start.AddSeconds(i);
                if (i >= 100)
                {
                    record.State = i < 200 ? DurableVideoJobState.Waiting : DurableVideoJobState.Completed;
                    record.OpperJobId = $"gen_{i}";
                    record.SubmittedAt = record.EnqueuedAt;
                    record.EndedAt = i < 200 ? null : record.EnqueuedAt.AddMinutes(1);
                }

                store.Write(keys[i], record);
            }
        }

        var counting = new CountingStorage(inner);
        await using var web = await DashboardServer.StartAsync(counting);
        using var http = new HttpClient { BaseAddress = web.Address };

        foreach (var (state, first) in new[] { (DurableVideoJobState.Queued, 0), (DurableVideoJobState.Waiting, 100), (DurableVideoJobState.Completed, 200) })
        {
            var (html, queries) = await ViewAsync(http, counting, $"hangfire/opper-videos?state={state}&from=0&count=50");
            output.WriteLine($"{state}: {queries} storage queries");
            Assert.True(queries <= MostQueries, $"{state}: {queries} storage queries for one view");
            // The newest 50 of the state's 100, and not the older ones (they are on the next page).
            Assert.All(keys.Skip(first + 50).Take(50), key => Assert.Contains($">#{key}<", html));
            Assert.DoesNotContain($">#{keys[first + 49]}<", html);
            Assert.Contains($">#{keys[first + 49]}<", (await ViewAsync(http, counting, $"hangfire/opper-videos?state={state}&from=50&count=50")).Html);
        }

        var (_, defaultView) = await ViewAsync(http, counting, "hangfire/opper-videos");
        Assert.True(defaultView <= MostQueries, $"the default view: {defaultView} storage queries");
    }

    private static async Task<(string Html, int Queries)> ViewAsync(HttpClient http, CountingStorage storage, string path)
    {
        var before = storage.Queries;
        var html = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        return (html, storage.Queries - before);
    }
}
