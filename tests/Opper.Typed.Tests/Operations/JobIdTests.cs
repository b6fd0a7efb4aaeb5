using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Operations;

/// <summary>
/// After the POST the job is paid for, so whatever fails surfaces with its id and says how to resume it, and leaves no
/// file. Cancellation per phase is in CancellationTests, a failed job in FaultTests, the wait's timeout in PollingTests.
/// </summary>
public sealed class JobIdTests
{

    [Fact]
    public async Task A_download_that_fails_on_the_network_carries_the_job_id_and_leaves_no_file()
    {
        // The completed status points at a download host that refuses connections.
        var closed = new ScriptedHttpServer(_ => ScriptedReply.Hang);
        var nowhere = new Uri(closed.BaseAddress, "clip.mp4");
        await closed.DisposeAsync();
        await using var api = new ScriptedHttpServer(request => request.Method == "POST"
            ? ScriptedReply.Json(202, """{"id":"gen_dl"}""")
            : ScriptedReply.Json(200, $$"""{"status":"completed","url":"{{nowhere}}"}"""));
        var folder = Directory.CreateTempSubdirectory("opper-typed-tests-").FullName;
        try
        {
            var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = "k", BaseAddress = api.BaseAddress });
            options.Retry.MaxRetries = 0;
            using var client = new OpperVideoClient(options);

            var error = await Assert.ThrowsAsync<VideoGenerationInterruptedException>(() => client.GenerateToFileAsync(LiveModel.Request(), Path.Combine(folder, "clip.mp4")));

            Assert.Equal("gen_dl", error.JobId);
            Assert.IsType<HttpRequestException>(error.InnerException);
            Assert.Contains("while downloading", error.Message);
            Assert.Contains("GetGenerationOperation(\"gen_dl\")", error.Message);
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_disk_failure_after_the_wait_carries_the_job_id()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var folder = Directory.CreateDirectory(fx.PathOf("out")).FullName;
        // The folder exists when the POST is sent and is gone by the time the clip arrives.
        var progress = new SyncProgress<VideoProgress>(p =>
        {
            if (p.Phase == VideoProgressPhase.Completed && Directory.Exists(folder))
            {
                Directory.Delete(folder);
            }
        });

        var error = await Assert.ThrowsAsync<VideoGenerationInterruptedException>(() => fx.Client.GenerateToFileAsync(LiveModel.Request(), Path.Combine(folder, "clip.mp4"), progress));

        Assert.StartsWith("gen_", error.JobId);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Empty(fx.Files());
    }

    [Fact]
    public async Task A_poll_timing_out_on_every_attempt_carries_the_job_id()
    {
        await using var api = new ScriptedHttpServer(request => request.Method == "POST" ? ScriptedReply.Json(202, """{"id":"gen_slow"}""") : ScriptedReply.Hang);
        var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = "k", BaseAddress = api.BaseAddress });
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        options.Retry.MaxRetries = 1;
        using var client = new OpperVideoClient(options);
        var operation = await client.StartGenerationAsync(LiveModel.Request());

        var error = await Assert.ThrowsAsync<VideoGenerationInterruptedException>(() => operation.WaitForCompletionAsync());

        Assert.Equal("gen_slow", error.JobId);
        Assert.Contains("RequestTimeout", error.Message);
        Assert.Equal(2, api.Requests.Count(r => r.Method == "GET"));
    }

    [Theory]
    [InlineData("missing-folder/clip.mp4", "does not exist")]
    [InlineData("", "is a folder")]
    public async Task An_unusable_destination_is_refused_before_the_paid_POST(string relative, string problem)
    {
        await using var fx = await EmulatorFixture.StartAsync();
        var path = relative.Length == 0 ? fx.Folder : fx.PathOf(relative);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fx.Client.GenerateToFileAsync(LiveModel.Request(), path));

        Assert.Contains(problem, error.Message);
        Assert.Contains("Nothing was submitted", error.Message);
        Assert.Empty(fx.Emulator.Requests);
    }
}
