using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Faults;

/// <summary>
/// Runs every <see cref="FaultRows"/> row as a user would (a dependency-injected client, logging at Trace into a
/// structured sink, <c>GenerateToFileAsync</c> start to end) against <see cref="FaultServer"/>, and asserts the same
/// for each: one POST, the outcome and its job id, the folder's state, no Authorization at the download host, and the
/// key in no exception or log entry.
/// </summary>
public sealed class FaultMatrixTests
{
    private const string Key = "op-live-matrix-key-0123456789";

    public static TheoryData<string> Rows => [.. FaultRows.All.Select(row => row.Name)];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Row(string name)
    {
        var row = FaultRows.All.Single(r => r.Name == name);
        await using var server = await FaultServer.StartAsync();
        using var cancellation = new CancellationTokenSource();
        var folder = Directory.CreateTempSubdirectory("opper-typed-matrix-").FullName;
        var scene = new FaultScene(server, cancellation, folder);
        int posts = 0, polls = 0;
        server.Api = context => context.Request switch
        {
            { Method: "POST", Path.Value: "/v3/videos" } => row.Post(scene, context, Interlocked.Increment(ref posts)),
            { Method: "GET", Path.Value: $"/v3/artifacts/{FaultScene.JobId}/status" } => row.Poll(scene, context, Interlocked.Increment(ref polls)),
            { Method: "GET", Path.Value: "/files/clip.mp4" } => FaultScene.WholeClip(context),
            _ => NotFound(context),
        };
        server.Download = (context, n) => row.Download(scene, context, n);
        var sink = new StructuredLogSink();
        await using var provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(sink))
            .AddOpperVideos(options =>
            {
                options.ApiKey = Key;
                options.BaseAddress = server.ApiAddress;
                EmulatorFixture.FastPolling(options);
                row.Configure(options);
            })
            .BuildServiceProvider();
        var path = Path.Combine(folder, "clip.mp4");

        var error = await Record.ExceptionAsync(() => provider.GetRequiredService<OpperVideoClient>().GenerateToFileAsync(LiveModel.Request(), path, cancellationToken: cancellation.Token));

        try
        {
            Assert.Single(server.Requests, r => r.Method == "POST");
            if (row.Throws is null)
            {
                Assert.Null(error);
                Assert.Equal(FaultScene.Clip, File.ReadAllBytes(path));
                Assert.Equal(["clip.mp4"], FilesIn(folder));
            }
            else
            {
                Assert.IsType(row.Throws, error);
                Assert.Equal(row.JobIdInError ? FaultScene.JobId : null, JobIdOf(error!));
                Assert.Empty(FilesIn(folder));
            }

            row.Also(error, server);
            Assert.All(server.Requests.Where(r => r.Host == "download"), r => Assert.Null(r.Authorization));
            Assert.Contains(server.Requests, r => r.Host == "api" && r.Authorization == $"Bearer {Key}");
            Assert.DoesNotContain(Key, error?.ToString() ?? "", StringComparison.Ordinal);
            Assert.All(sink.Entries, entry => Assert.DoesNotContain(Key, entry.Text + entry.State, StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>What the folder holds: a clip or nothing, never a partial file; a removed folder holds nothing.</summary>
    private static string[] FilesIn(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order()!] : [];

    private static string? JobIdOf(Exception error) => error switch
    {
        OpperApiException api => api.JobId,
        VideoGenerationCanceledException canceled => canceled.JobId,
        VideoGenerationInterruptedException interrupted => interrupted.JobId,
        VideoGenerationFailedException failed => failed.JobId,
        VideoGenerationTimeoutException timeout => timeout.JobId,
        VideoSubmissionUncertainException uncertain => uncertain.JobId,
        _ => null,
    };

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
