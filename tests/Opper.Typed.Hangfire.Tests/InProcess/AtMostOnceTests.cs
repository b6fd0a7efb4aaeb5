using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;

namespace Opper.Typed.Hangfire.Tests.InProcess;

/// <summary>
/// A paid POST at most once, on an engine that runs steps at least once: what a rerun does with the mark and the id it
/// finds, and what each kind of answer to the POST leads to. (A real worker killed at these points: Processes/.)
/// </summary>
public sealed class AtMostOnceTests
{
    private static Veo31FastGenerate001Request Cat() => new("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 };

    private static int Posts(OpperEmulator emulator) => emulator.Requests.Count(r => r.Method == "POST");

    /// <summary>Changes a stored record as a worker would have left it (one killed at a chosen point, or one still at work).</summary>
    [Fact]
    public async Task A_mark_without_an_id_stops_in_NeedsAttention_and_is_never_sent_again()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100) });
        var storage = new InMemoryStorage();
        using var folder = new TempFolder();
        string key;
        await using (var web = await DurableHost.StartAsync(emulator, storage, workers: 0))
        {
            key = await web.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
        }

        // What a worker leaves when it dies between sending the POST and storing the answer.
        var sentAt = DateTimeOffset.UtcNow.AddMinutes(-3); // longer ago than any live POST takes (the request timeout is 100 s)
        DurableHost.ChangeRecord(storage, key, record => (record.State, record.SubmittingSince) = (DurableVideoJobState.Submitting, sentAt));

        await using var worker = await DurableHost.StartAsync(emulator, storage);
        var job = await worker.EndedAsync(key);

        Assert.Equal(DurableVideoJobState.NeedsAttention, job.State);
        Assert.Null(job.OpperJobId);
        Assert.Contains("A job may exist at Opper (vertexai/veo-3.1-fast-generate-001, prompt digest", job.Error);
        Assert.Contains($"sent {sentAt:u}", job.Error);
        Assert.Contains($"ResumeAsync(\"{key}\", \"gen_…\")", job.Error);
        Assert.Equal(0, Posts(emulator));
        using (var connection = storage.GetConnection())
        {
            var failed = connection.GetStateData(key);
            Assert.Equal(FailedState.StateName, failed.Name);
            Assert.Contains(nameof(DurableVideoJobEndedException), failed.Data["ExceptionType"]);
        }

        Assert.Contains(await worker.Scheduler.ListJobsAsync(DurableVideoJobState.NeedsAttention), stopped => stopped.Key == key);

        // The person finds the job Opper did create, and hands its id over: the clip arrives, still with no POST of ours.
        using var client = new OpperVideoClient(emulator.CreateClientOptions());
        var found = await client.SubmitAsync(Cat());
        await worker.Scheduler.ResumeAsync(key, found.Id);
        var resumed = await worker.EndedAsync(key);
        Assert.Equal(DurableVideoJobState.Completed, resumed.State);
        Assert.Equal(found.Id, resumed.OpperJobId);
        Assert.True(File.Exists(folder.File("cat.mp4")));
        Assert.Equal(1, Posts(emulator));
    }

    [Fact]
    public async Task Resubmit_sends_a_stopped_job_once_more_when_a_person_says_so()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100) });
        var storage = new InMemoryStorage();
        using var folder = new TempFolder();
        await using var worker = await DurableHost.StartAsync(emulator, storage, workers: 0);
        var key = await worker.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
        DurableHost.ChangeRecord(storage, key, record =>
            (record.State, record.SubmittingSince, record.Error, record.EndedAt) = (DurableVideoJobState.NeedsAttention, DateTimeOffset.UtcNow.AddMinutes(-3), "lost", DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.Scheduler.ResumeAsync(key));
        await worker.Scheduler.ResubmitAsync(key);
        await using var server = await DurableHost.StartAsync(emulator, storage);

        var ended = await server.EndedAsync(key);
        Assert.True(ended.State == DurableVideoJobState.Completed, ended.Error);
        Assert.Equal(1, Posts(emulator));
        var done = await server.Scheduler.GetJobAsync(key);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Scheduler.ResubmitAsync(key));
        Assert.NotNull(done!.OpperJobId);
    }

    [Fact]
    public async Task A_lost_answer_stops_in_NeedsAttention_by_default_after_exactly_one_POST()
    {
        // The emulator creates the job and holds its answer past the client's timeout: a job exists, its id never arrives.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { Faults = { SubmitAnswerDelay = TimeSpan.FromSeconds(5) } });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), client: o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));

        var job = await host.EndedAsync(await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4")));

        Assert.Equal(DurableVideoJobState.NeedsAttention, job.State);
        Assert.Contains("was lost", job.Error);
        Assert.Contains("so it was not sent again", job.Error);
        await Task.Delay(500);
        Assert.Equal(1, Posts(emulator));
    }

    [Fact]
    public async Task An_answer_cut_after_a_whole_id_is_polled_by_that_id_and_delivered_from_its_one_POST()
    {
        // The emulator creates the job; on the way back its 202 loses everything after the id, so the JSON cannot be read.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100) });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(),
            services: s => s.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new CutAfterIdHandler())));

        var job = await host.EndedAsync(await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4")));

        Assert.Equal(DurableVideoJobState.Completed, job.State);
        Assert.StartsWith("gen_", job.OpperJobId);
        Assert.Contains(emulator.Requests, r => r.Method == "GET" && r.Path == $"/v3/artifacts/{job.OpperJobId}/status");
        Assert.True(new FileInfo(job.DestinationPath).Length > 0);
        Assert.Equal(1, Posts(emulator));
    }

    /// <summary>Passes the POST through, then cuts the 202's body just after the id's closing quote.</summary>
    private sealed class CutAfterIdHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method != HttpMethod.Post)
            {
                return response;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var idStart = body.IndexOf("\"id\"", StringComparison.Ordinal);
            var idEnd = body.IndexOf('"', body.IndexOf('"', body.IndexOf(':', idStart) + 1) + 1);
            Assert.True(idStart >= 0 && idEnd > idStart, $"the emulator's 202 names no id: {body}");
            response.Content = new StringContent(body[..(idEnd + 1)] + ",", System.Text.Encoding.UTF8, "application/json");
            return response;
        }
    }

    [Fact]
    public async Task An_uncertain_answer_is_sent_again_only_when_the_options_say_so()
    {
        // A 500 may come from a gateway after Opper created the job: as uncertain as a lost answer; here the user opted in.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100), Faults = { ServerErrorOnRequest = 1 } });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage(), jobs: o => o.ResubmitUncertainSubmissions = true);

        var job = await host.EndedAsync(await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4")));

        Assert.Equal(DurableVideoJobState.Completed, job.State);
        Assert.Equal(2, Posts(emulator));
    }

    [Theory]
    [InlineData(503, DurableVideoJobState.Completed, 2)]
    [InlineData(402, DurableVideoJobState.Failed, 1)]
    [InlineData(500, DurableVideoJobState.NeedsAttention, 1)]
    public async Task Each_refusal_of_the_POST_leads_where_it_should(int status, DurableVideoJobState ending, int posts)
    {
        // 503: no job, sent again. 402: no job, and sending again would be refused again. 500: a gateway may answer it after Opper created the job.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100), Faults = { ServerErrorOnRequest = 1, ServerErrorStatus = status } });
        using var folder = new TempFolder();
        await using var host = await DurableHost.StartAsync(emulator, new InMemoryStorage());

        var job = await host.EndedAsync(await host.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4")));

        Assert.Equal(ending, job.State);
        Assert.Equal(posts, Posts(emulator));
        if (ending == DurableVideoJobState.Failed)
        {
            Assert.Contains("no job was created", job.Error);
        }
    }

    [Fact]
    public async Task A_fresh_mark_is_a_POST_still_in_flight_elsewhere_so_the_rerun_looks_again_instead_of_stopping()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100) });
        var storage = new InMemoryStorage();
        using var folder = new TempFolder();
        await using var web = await DurableHost.StartAsync(emulator, storage, workers: 0);
        var key = await web.Scheduler.EnqueueAsync(Cat(), folder.File("cat.mp4"));
        DurableHost.ChangeRecord(storage, key, record => (record.State, record.SubmittingSince) = (DurableVideoJobState.Submitting, DateTimeOffset.UtcNow));

        await using var worker = await DurableHost.StartAsync(emulator, storage, client: o => o.RequestTimeout = TimeSpan.FromSeconds(60));
        using var connection2 = storage.GetConnection();
        var scheduled = await Until.ValueAsync(() => Task.FromResult(connection2.GetStateData(key)), state => state.Name == ScheduledState.StateName, "the rerun's scheduled look");

        // The other worker's answer arrives meanwhile: the job goes on from its id.
        using var client = new OpperVideoClient(emulator.CreateClientOptions());
        var sent = await client.SubmitAsync(Cat());
        DurableHost.ChangeRecord(storage, key, live => (live.OpperJobId, live.SubmittedAt, live.State) = (sent.Id, DateTimeOffset.UtcNow, DurableVideoJobState.Waiting));
        Assert.Equal(DurableVideoJobState.Waiting, (await worker.Scheduler.GetJobAsync(key))!.State);
        Assert.Contains("Another worker sent the POST", scheduled.Reason);
        Assert.Equal(1, Posts(emulator));
    }
}
