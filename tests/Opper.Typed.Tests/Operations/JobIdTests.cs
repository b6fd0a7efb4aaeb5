using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Operations;

/// <summary>
/// After the POST the job is paid for, so whatever fails (cancellation, timeout, a failed job, the network or the disk)
/// surfaces with its id and says how to resume it, from an exception type callers already catch, and leaves no file.
/// </summary>
public sealed class JobIdTests
{
    private static VideoRequest Sora() => new("openai/sora-2-pro", "a cat") { Parameters = { ["size"] = "1792x1024" } };

    [Theory]
    [InlineData(VideoProgressPhase.Submitted)]
    [InlineData(VideoProgressPhase.Processing)]
    [InlineData(VideoProgressPhase.Downloading)]
    public async Task Cancelling_after_the_POST_gives_the_job_id_and_leaves_no_file(VideoProgressPhase phase)
    {
        var jobDuration = phase == VideoProgressPhase.Downloading ? TimeSpan.Zero : TimeSpan.FromHours(1);
        await using var fx = await EmulatorFixture.StartAsync(e => e.JobDuration = jobDuration);
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<VideoProgress>(p =>
        {
            if (p.Phase == phase)
            {
                cts.Cancel();
            }
        });

        var error = await Assert.ThrowsAsync<VideoGenerationCanceledException>(() => fx.Client.GenerateToFileAsync(Sora(), fx.PathOf("clip.mp4"), progress, cts.Token));

        var post = Assert.Single(fx.Requests(EmulatorHost.Api, "POST"));
        Assert.StartsWith("gen_", error.JobId);
        Assert.Contains($"GetGenerationOperation(\"{error.JobId}\")", error.Message);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Empty(fx.Files());
        Assert.Equal(202, post.ResponseStatus);
    }

    [Fact]
    public async Task Cancelling_before_anything_is_sent_is_a_plain_cancellation()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fx.Client.GenerateToFileAsync(Sora(), fx.PathOf("clip.mp4"), cancellationToken: cts.Token));

        Assert.IsNotType<VideoGenerationCanceledException>(error);
        Assert.Empty(fx.Emulator.Requests);
    }

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

            var error = await Assert.ThrowsAsync<VideoGenerationInterruptedException>(() => client.GenerateToFileAsync(Sora(), Path.Combine(folder, "clip.mp4")));

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
    public async Task A_poll_timing_out_on_every_attempt_carries_the_job_id()
    {
        await using var api = new ScriptedHttpServer(request => request.Method == "POST" ? ScriptedReply.Json(202, """{"id":"gen_slow"}""") : ScriptedReply.Hang);
        var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = "k", BaseAddress = api.BaseAddress });
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxRetries = 1;
        using var client = new OpperVideoClient(options);
        var operation = await client.StartGenerationAsync(Sora());

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

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fx.Client.GenerateToFileAsync(Sora(), path));

        Assert.Contains(problem, error.Message);
        Assert.Contains("Nothing was submitted", error.Message);
        Assert.Empty(fx.Emulator.Requests);
    }
}
