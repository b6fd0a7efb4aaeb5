using Opper.Typed.Emulator;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

/// <summary>
/// Cancelling at any phase stops promptly and leaves neither the clip nor a .partial file; after the POST the
/// cancellation carries the job id (the job keeps running and is billed) and says how to resume it.
/// </summary>
public sealed class CancellationTests
{
    /// <summary>One of the emulator's largest clips (1920x1080), so a download is not over before a cancellation lands.</summary>
    private static VideoRequest LargeClip() => new(LiveModel.Id, "a cat") { Parameters = { ["resolution"] = "1080p", ["aspectRatio"] = "16:9" } };

    [Fact]
    public async Task Cancel_while_submitting()
    {
        await using var fx = await EmulatorFixture.StartAsync(e => e.Faults.ResponseDelay = TimeSpan.FromSeconds(10));
        // 2 s into a 10 s answer: a cold client on a loaded machine has sent its POST by then (at 200 ms it once had not).
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<VideoGenerationCanceledException>(() => fx.Client.GenerateToFileAsync(LargeClip(), fx.PathOf("clip.mp4"), cancellationToken: cts.Token));

        Assert.Null(error.JobId); // the 202 never arrived, so the job may exist without the client knowing its id
        Assert.Contains("may have been created", error.Message);
        Assert.Empty(fx.Files());
    }

    [Theory]
    [InlineData(VideoProgressPhase.Submitted)]
    [InlineData(VideoProgressPhase.Processing)]
    [InlineData(VideoProgressPhase.Downloading)]
    public async Task Cancel_at_a_phase(VideoProgressPhase phase)
    {
        // A job that never finishes is sure to be seen processing; one that is done at once is sure to be downloaded.
        var jobDuration = phase == VideoProgressPhase.Downloading ? TimeSpan.Zero : TimeSpan.FromHours(1);
        await using var fx = await EmulatorFixture.StartAsync(e => e.JobDuration = jobDuration);
        using var cts = new CancellationTokenSource();
        var seen = new List<VideoProgressPhase>();
        var progress = new SyncProgress<VideoProgress>(p =>
        {
            seen.Add(p.Phase);
            if (p.Phase == phase)
            {
                cts.Cancel();
            }
        });

        var error = await Assert.ThrowsAsync<VideoGenerationCanceledException>(() => fx.Client.GenerateToFileAsync(LargeClip(), fx.PathOf("clip.mp4"), progress, cts.Token));

        Assert.Contains(phase, seen);
        Assert.DoesNotContain(VideoProgressPhase.Completed, seen.SkipWhile(p => p != phase));
        Assert.Empty(fx.Files());
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.StartsWith("gen_", error.JobId);
        Assert.Contains($"GetGenerationOperation(\"{error.JobId}\")", error.Message);
        Assert.Equal(202, Assert.Single(fx.Requests(EmulatorHost.Api, "POST")).ResponseStatus);
    }

    [Fact]
    public async Task Cancel_before_anything_is_sent_is_a_plain_cancellation()
    {
        await using var fx = await EmulatorFixture.StartAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fx.Client.GenerateToFileAsync(LargeClip(), fx.PathOf("clip.mp4"), cancellationToken: cts.Token));

        Assert.IsNotType<VideoGenerationCanceledException>(error);
        Assert.Empty(fx.Emulator.Requests);
    }
}
