using Opper.Typed.Cli.Jobs;
using Opper.Typed.Cli.Tests.Support;

namespace Opper.Typed.Cli.Tests;

/// <summary>
/// The expected time left in the CLI's progress. A run of <c>generate</c> submits one job from a fresh client, which has
/// seen no job of the shape finish, so a real run never has an estimate: the rendering is tested with reports that do.
/// </summary>
public sealed class GenerationProgressTests
{
    private static readonly VideoProgress Learned =
        new(VideoProgressPhase.Processing, "gen_1", TimeSpan.FromSeconds(12), "processing") { ExpectedRemaining = TimeSpan.FromSeconds(70) };

    [Fact]
    public void The_live_status_line_says_how_long_is_left_once_the_shape_is_learned() =>
        Assert.Equal("Job gen_1: processing (0:12, about 1 min 10 s left)", GenerationProgress.Describe(Learned, TimeSpan.FromSeconds(12)));

    [Fact]
    public void The_live_status_line_says_nothing_of_time_left_while_nothing_is_learned() =>
        Assert.Equal("Job gen_1: processing (0:12)", GenerationProgress.Describe(Learned with { ExpectedRemaining = null }, TimeSpan.FromSeconds(12)));

    [Fact]
    public async Task A_log_gets_the_time_left_on_each_processing_line()
    {
        var messages = new StringWriter();

        await GenerationProgress.RunAsync(CliRunner.Plain(messages), progress =>
        {
            progress.Report(Learned);
            progress.Report(Learned with { Elapsed = TimeSpan.FromSeconds(20), ExpectedRemaining = null });
            return Task.CompletedTask;
        });

        Assert.Equal(["processing (12 s, about 1 min 10 s left)", "processing (20 s)"], messages.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
