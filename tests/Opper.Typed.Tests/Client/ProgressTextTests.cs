namespace Opper.Typed.Tests.Client;

public sealed class ProgressTextTests
{
    [Theory]
    [InlineData(VideoProgressPhase.Submitted, null, 0L, null, "Submitted job gen_1")]
    [InlineData(VideoProgressPhase.Processing, "processing", 0L, null, "  processing (12 s)")]
    [InlineData(VideoProgressPhase.Downloading, null, 1000L, 22175L, "Downloading 1,000 of 22,175 bytes")]
    [InlineData(VideoProgressPhase.Completed, "completed", 0L, null, "Job gen_1 completed after 12 s")]
    [InlineData(VideoProgressPhase.Completed, null, 22175L, 22175L, "Downloaded 22,175 bytes")]
    public void Each_report_reads_as_a_line(VideoProgressPhase phase, string? status, long bytes, long? total, string expected) =>
        Assert.Equal(expected, new VideoProgress(phase, "gen_1", TimeSpan.FromSeconds(12), status, bytes, total).ToString());

    [Fact]
    public void A_job_found_done_at_once_is_completed_not_completed_after_0_s() =>
        Assert.Equal("Job gen_1 is completed", new VideoProgress(VideoProgressPhase.Completed, "gen_1", TimeSpan.FromMilliseconds(40), "completed").ToString());

    [Theory]
    [InlineData(40, "  processing (12 s, about 40 s left)")]
    [InlineData(39.5, "  processing (12 s, about 40 s left)")]
    [InlineData(70, "  processing (12 s, about 1 min 10 s left)")]
    [InlineData(120, "  processing (12 s, about 2 min left)")]
    [InlineData(0.2, "  processing (12 s, about 1 s left)")]
    public void A_processing_report_with_an_estimate_says_about_how_long_is_left(double left, string expected) =>
        Assert.Equal(expected, new VideoProgress(VideoProgressPhase.Processing, "gen_1", TimeSpan.FromSeconds(12), "processing") { ExpectedRemaining = TimeSpan.FromSeconds(left) }.ToString());
}
