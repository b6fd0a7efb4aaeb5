namespace Opper.Typed.Hangfire.Storage;

/// <summary>Jobs by state, read through the index and checked against each record (an entry can lag a moment behind its job).</summary>
internal static class VideoJobListing
{
    public static IReadOnlyList<DurableVideoJob> List(VideoJobStore store, DurableVideoJobState state, int skip, int take)
    {
        var jobs = new List<DurableVideoJob>();
        foreach (var row in VideoJobIndex.Range(store.Connection, state, skip, take))
        {
            if (store.Read(row.Key) is { } record && record.State == state && jobs.TrueForAll(listed => listed.Key != row.Key))
            {
                jobs.Add(new DurableVideoJob(row.Key, record));
            }
        }

        jobs.Sort(static (a, b) => a.EnqueuedAt.CompareTo(b.EnqueuedAt));
        return jobs;
    }
}
