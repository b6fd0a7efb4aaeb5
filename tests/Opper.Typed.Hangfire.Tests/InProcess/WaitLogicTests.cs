using Hangfire.InMemory;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>
/// The durable wait judges answers as the in-process wait does (one logic), against a scripted server that is not the
/// emulator: the POST's status_url is where it polls, and "completed" without a URL is an error after three polls, not
/// a wait until the half-hour timeout.
/// </summary>
public sealed class WaitLogicTests
{
    [Fact]
    public async Task A_job_said_completed_without_a_URL_three_times_stops_for_attention_at_once_polled_at_the_POSTs_status_url()
    {
        var polls = 0;
        await using var server = new ScriptedHttpServer(request => request switch
        {
            { Method: "POST" } => ScriptedReply.Json(202, """{"id":"gen_nourl","status":"queued","status_url":"/v3/jobs/gen_nourl/where"}"""),
            { Method: "GET", Path: "/v3/jobs/gen_nourl/where" } => Interlocked.Increment(ref polls) == 1
                ? ScriptedReply.Json(200, """{"id":"gen_nourl","status":"processing"}""")
                : ScriptedReply.Json(200, """{"id":"gen_nourl","status":"completed"}"""),
            _ => ScriptedReply.Json(404, """{"error":{"code":"not_found","message":"no such path"}}"""),
        });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(server.BaseAddress, "test-key", new InMemoryStorage());

        var key = await host.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat"), folder.File("cat.mp4"));
        var job = await host.EndedAsync(key, TimeSpan.FromSeconds(30));

        Assert.Equal(DurableVideoJobState.NeedsAttention, job.State);
        Assert.Equal("gen_nourl", job.OpperJobId);
        Assert.Contains("without a download URL 3 times in a row", job.Error);
        Assert.Contains($"ResumeAsync(\"{key}\")", job.Error);
        Assert.Equal(4, job.Checks); // one running, three completed without a URL
        Assert.All(server.Requests.Where(r => r.Method == "GET"), r => Assert.Equal("/v3/jobs/gen_nourl/where", r.Path));
        Assert.Empty(folder.Names());
    }
}
