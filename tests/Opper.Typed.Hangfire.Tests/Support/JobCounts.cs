namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>Jobs per state, e.g. "Completed 97, Waiting 3", for an assertion and its failure message.</summary>
internal static class JobCounts
{
    public static async Task<string> DescribeAsync(IVideoJobScheduler scheduler)
    {
        var counts = new List<string>();
        foreach (var state in Enum.GetValues<DurableVideoJobState>())
        {
            var jobs = await scheduler.ListJobsAsync(state, take: 1000);
            if (jobs.Count > 0)
            {
                counts.Add($"{state} {jobs.Count}" + (jobs[0].Error is { } error ? $" (first: {error})" : ""));
            }
        }

        return string.Join(", ", counts);
    }
}
