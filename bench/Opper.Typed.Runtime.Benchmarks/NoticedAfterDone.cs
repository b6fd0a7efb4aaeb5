using System.Text.RegularExpressions;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// How long after Opper finished each job a status check saw it done, read from outside: the emulator's request log,
/// not the checker's own lateness instrument. The instrument records only checks claimed within 2 s of their plan (a
/// later claim rebuilds the job), so it cannot see the checks that were late by more; this can.
/// </summary>
internal static partial class NoticedAfterDone
{
    /// <summary>
    /// For each delivered job: its POST's arrival (found by its prompt, <c>clip {i}</c>) plus the emulated duration is
    /// when Opper finished it, and its last status poll, the one that found it done (a delivered job is not polled
    /// again), is when it was noticed. Opper creates the job a moment after the POST arrives and answers a poll a moment
    /// after it arrives, so a figure can be off by those moments (milliseconds); one below zero is counted as zero.
    /// Prompts POSTed more than once are left out (the run reports duplicated POSTs as a failure anyway).
    /// </summary>
    /// <param name="requests">The emulator's request log.</param>
    /// <param name="keys">The job keys in enqueue order: <c>keys[i]</c> asked for <c>clip {i}</c>.</param>
    /// <param name="delivered">The completed jobs, with their Opper ids.</param>
    /// <param name="duration">How long the emulator takes to finish a job.</param>
    /// <returns>Seconds from done to noticed, one per job it could place, in order.</returns>
    public static double[] Seconds(IReadOnlyList<RecordedRequest> requests, IReadOnlyList<string> keys, IEnumerable<DurableVideoJob> delivered, TimeSpan duration)
    {
        var postedAt = new Dictionary<int, DateTimeOffset?>();
        var checksOf = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var request in requests.Where(r => r.Host == EmulatorHost.Api))
        {
            if (request.Method == "POST" && Prompt().Match(request.Body) is { Success: true } prompt)
            {
                var i = int.Parse(prompt.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                postedAt[i] = postedAt.ContainsKey(i) ? null : request.ReceivedAt;
            }
            else if (request.Method == "GET" && StatusPath().Match(request.Path) is { Success: true } status)
            {
                var id = status.Groups[1].Value;
                (checksOf.TryGetValue(id, out var times) ? times : checksOf[id] = []).Add(request.ReceivedAt);
            }
        }

        var indexOf = keys.Select((key, i) => (key, i)).ToDictionary(pair => pair.key, pair => pair.i, StringComparer.Ordinal);
        var noticed = new List<double>();
        foreach (var job in delivered)
        {
            if (job.OpperJobId is { } id && indexOf.TryGetValue(job.Key, out var i) && postedAt.GetValueOrDefault(i) is { } posted
                && checksOf.TryGetValue(id, out var checks))
            {
                noticed.Add(Math.Max(0, (checks.Max() - (posted + duration)).TotalSeconds));
            }
        }

        return [.. noticed.Order()];
    }

    [GeneratedRegex("\"clip (\\d+)\"")]
    private static partial Regex Prompt();

    [GeneratedRegex("^/v3/artifacts/([^/]+)/status$")]
    private static partial Regex StatusPath();
}
