using Opper.Typed.Testing;
using Opper.Typed.Cli.Tests.Support;
using Opper.Typed.Emulator;

namespace Opper.Typed.Cli.Tests;

/// <summary>The CLI as a separate process whose streams are pipes, the way <c>opper-typed models | grep sora</c> runs it.</summary>
public sealed class PipingTests
{
    [Fact]
    public async Task Models_in_a_pipe_is_one_whole_model_per_line_and_grep_counts_the_sora_models()
    {
        var (code, stdout, stderr) = await RunProcessAsync("models");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain('\u001b', stdout); // no ANSI codes in a pipe
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("model\tclass\tcapabilities\tresolutions\taspect_ratios\tmax_seconds\tprice\tretired_at", lines[0]);
        Assert.Equal(2, lines.Count(line => line.Contains("sora", StringComparison.Ordinal))); // grep -c sora: still listed,
        Assert.All(lines.Where(line => line.Contains("sora", StringComparison.Ordinal)), line => Assert.EndsWith("\t2026-09-24", line)); // and marked retired
        Assert.Contains(lines, line => line.StartsWith("vertexai/veo-3.1-fast-generate-001\tVeo31FastGenerate001Request\t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_go_to_standard_error_and_standard_output_stays_empty()
    {
        var (code, stdout, stderr) = await RunProcessAsync("generate", "--model", "vertexai/veo-3.1-fast-generate-001", "--prompt", "a cat", "--out", "/nonexistent-dir/x.mp4");

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: --out /nonexistent-dir/x.mp4: the folder /nonexistent-dir does not exist", stderr);
    }

    [Fact]
    public async Task The_emulator_command_prints_its_address_on_standard_output_and_with_api_key_refuses_other_keys()
    {
        using var stop = new CancellationTokenSource();
        var (running, outSoFar) = CliRunner.Start(stop.Token, "emulator", "--api-key", "op-the-only-key");
        for (var waited = 0; !outSoFar().EndsWith('\n') && waited < 30_000; waited += 50)
        {
            await Task.Delay(50);
        }

        var address = new Uri(outSoFar().Trim());
        using var http = new HttpClient { BaseAddress = address };
        var answers = new List<System.Net.HttpStatusCode>();
        foreach (var key in new[] { "op-wrong-key", "op-the-only-key" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "v3/videos/models");
            request.Headers.Authorization = new("Bearer", key);
            using var response = await http.SendAsync(request);
            answers.Add(response.StatusCode);
        }

        stop.Cancel();
        var run = await running;

        Assert.Equal([System.Net.HttpStatusCode.Unauthorized, System.Net.HttpStatusCode.OK], answers);
        Assert.Equal(0, run.Code);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/\n$", run.Out);
        Assert.Contains("only the --api-key given is accepted", run.Err);
    }

    [Fact]
    public async Task The_emulator_command_takes_the_job_length_and_logs_every_request_as_a_json_line()
    {
        var log = Path.Combine(Path.GetTempPath(), $"opper-emulator-{Guid.NewGuid():N}.jsonl");
        using var stop = new CancellationTokenSource();
        var (running, outSoFar) = CliRunner.Start(stop.Token, "emulator", "--job-seconds", "0", "--log", log);
        try
        {
            for (var waited = 0; !outSoFar().EndsWith('\n') && waited < 30_000; waited += 50)
            {
                await Task.Delay(50);
            }

            using var client = new OpperVideoClient(new OpperVideoClientOptions { BaseAddress = new Uri(outSoFar().Trim()), ApiKey = "op-any-key" });
            var job = await client.SubmitAsync(new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat"));
            var status = await client.GetStatusAsync(job.Id); // --job-seconds 0: done at the first poll

            Assert.Equal(VideoJobState.Completed, status.State);
            var lines = File.ReadAllLines(log).Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!).ToList();
            var post = Assert.Single(lines, line => (string?)line["method"] == "POST");
            Assert.Equal(("/v3/videos", 202), ((string?)post["path"], (int)post["status"]!));
            Assert.Contains("veo-3.1-fast", (string?)post["body"]);
            Assert.Contains(lines, line => (string?)line["path"] == $"/v3/artifacts/{job.Id}/status");
            Assert.DoesNotContain("op-any-key", File.ReadAllText(log));
        }
        finally
        {
            stop.Cancel();
            await running;
            File.Delete(log);
        }
    }

    /// <summary>Runs the built opper-typed with both streams redirected: a pipe, not a terminal.</summary>
    private static async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "opper-typed.dll"); // the tool's assembly, copied beside the tests
        var run = await ChildProcess.RunAsync("dotnet", [cli, .. args], directory: null, new Dictionary<string, string?>
        {
            ["OPPER_API_KEY"] = null,
            ["COLUMNS"] = "40", // a narrow terminal's setting must not wrap a pipe
        }, TimeSpan.FromMinutes(2));
        return (run.Code, run.Stdout, run.Stderr);
    }
}
