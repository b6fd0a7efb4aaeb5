using Microsoft.Extensions.Time.Testing;
using System.Text.RegularExpressions;
using Opper.Typed.Cli.Tests.Support;
using Opper.Typed.Emulator;

namespace Opper.Typed.Cli.Tests;

/// <summary>A paid job is never lost: Ctrl+C after the submit prints the command that resumes it, and that command finishes it.</summary>
public sealed class JobCommandTests : InTempFolder
{
    [Fact]
    public async Task Ctrl_C_after_the_submit_prints_the_resume_command_and_that_command_downloads_the_clip()
    {
        // The job finishes only when the test moves the emulator's clock: Ctrl+C always lands while it still runs.
        var jobClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMinutes(1), TimeProvider = jobClock });
        var clip = Path.Combine(Folder, "clip.mp4");
        using var ctrlC = new CancellationTokenSource();
        var generating = CliRunner.RunAsync(emulator, ctrlC.Token, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--out", clip);
        await WaitUntil(() => emulator.Requests.Any(r => r.Method == "GET"));   // submitted, now waiting
        ctrlC.Cancel();
        var cancelled = await generating;

        Assert.Equal(130, cancelled.Code);
        Assert.Empty(Directory.GetFiles(Folder));
        Assert.DoesNotContain("GetGenerationOperation", cancelled.Err); // no C# advice on the command line: the command follows
        Assert.Matches(@"(?m)^Stopped waiting for video job (gen_\w+)\. The job keeps running at Opper and is billed\.\nJob \1 keeps running \(and is billed\)\. Resume it with:", cancelled.Err);
        var resume = Regex.Match(cancelled.Err, @"Resume it with:\s+opper-typed (download (gen_\w+) --out (\S+) --base-url (\S+))");
        Assert.True(resume.Success, cancelled.Err);
        Assert.Equal(clip, resume.Groups[3].Value);
        jobClock.Advance(TimeSpan.FromMinutes(1)); // the job finishes while nobody waits for it

        // The printed command, as the user would paste it (the emulator's key stands in for OPPER_API_KEY).
        var resumed = await CliRunner.RunWithKeyAsync(emulator.ApiKey, "download", resume.Groups[2].Value, "--out", clip, "--base-url", resume.Groups[4].Value);
        var status = await CliRunner.RunWithKeyAsync(emulator.ApiKey, "status", resume.Groups[2].Value, "--base-url", resume.Groups[4].Value);

        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.StartsWith($"Saved {clip} (", resumed.Out);
        Assert.Contains($"Job {resume.Groups[2].Value} is completed", resumed.Err); // done before the download started: not "after 0 s"
        Assert.DoesNotContain("after 0 s", resumed.Err);
        Assert.Equal(["clip.mp4"], Directory.GetFiles(Folder).Select(Path.GetFileName));
        Assert.Single(emulator.Requests, r => r.Method == "POST"); // one paid job, resumed rather than repeated
        Assert.Matches($@"^{resume.Groups[2].Value}\tcompleted\thttp://127\.0\.0\.1:\d+/\S+\n$", status.Out);
        Assert.Equal(0, status.Code);
    }

    [Fact]
    public async Task A_failed_job_exits_4_with_its_error()
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero, FailJobs = true });

        var run = await CliRunner.RunAsync(emulator, "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--out", Path.Combine(Folder, "x.mp4"));

        Assert.Equal(4, run.Code);
        Assert.Contains("error: ", run.Err);
        Assert.DoesNotContain("Resume", run.Err); // a failed job has nothing to resume
        Assert.Empty(Directory.GetFiles(Folder));
        var id = Regex.Match(run.Err, @"Submitted job (gen_\w+)").Groups[1].Value;
        var status = await CliRunner.RunWithKeyAsync(emulator.ApiKey, "status", id, "--base-url", emulator.BaseAddress.ToString());
        Assert.Equal(4, status.Code); // a script polling with status can tell a failed job apart
        Assert.StartsWith($"{id}\tfailed\t", status.Out);
    }

    [Fact]
    public async Task An_unknown_job_id_is_an_error_without_a_resume_command()
    {
        await using var emulator = await OpperEmulator.StartAsync();

        var run = await CliRunner.RunWithKeyAsync(emulator.ApiKey, "download", "gen_unknown", "--out", Path.Combine(Folder, "x.mp4"), "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(1, run.Code);
        Assert.Contains("error: ", run.Err);
        Assert.DoesNotContain("Resume", run.Err); // the same command would fail the same way
    }

    [Fact]
    public async Task A_202_cut_off_after_its_id_prints_the_command_that_fetches_that_job()
    {
        // A server of its own: answers the POST with a 202 that announces more than it sends, then closes.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var connection = await listener.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            var request = new byte[64 * 1024];
            var read = 0;
            while (!System.Text.Encoding.ASCII.GetString(request, 0, read).Contains("\"prompt\"", StringComparison.Ordinal))
            {
                read += await stream.ReadAsync(request.AsMemory(read));
            }

            await stream.WriteAsync("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"id\":\"gen_cut\",\"status_url\":\"/v3/arti"u8.ToArray());
            connection.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        });
        var clip = Path.Combine(Folder, "clip.mp4");

        var run = await CliRunner.RunWithKeyAsync("op-test-key", "generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--out", clip, "--base-url", $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}");
        await serving;

        Assert.Equal(1, run.Code);
        Assert.Contains("named job gen_cut", run.Err);
        Assert.DoesNotContain("GetGenerationOperation", run.Err);
        Assert.Contains($"Job gen_cut keeps running (and is billed). Resume it with:\n  opper-typed download gen_cut --out {clip} --base-url http://127.0.0.1:", run.Err);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 30_000, "the condition did not come true in 30 s");
            await Task.Delay(20);
        }
    }
}
