using System.Collections.Concurrent;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>The checker's claims: which due jobs a round takes, until when, and letting go of jobs no longer waiting.</summary>
internal sealed partial class VideoJobChecker
{
    /// <summary>
    /// Holds each due job until its next check, should this one find it running, in one write made first thing (every
    /// read before it would widen the moment in which another server's round takes the same jobs); then reads each one's
    /// state, and lets go of jobs no longer waiting.
    /// </summary>
    /// <param name="connection">The storage connection.</param>
    /// <param name="keys">The due jobs.</param>
    /// <param name="leased">Taking them held them for a lease already: this round checks them all.</param>
    /// <param name="now">The round's time.</param>
    /// <param name="rescheduled">Where jobs held for a lease only (not known here) go with their planned check.</param>
    private List<WaitingJob> Claim(IStorageConnection connection, IReadOnlyList<string> keys, bool leased, DateTimeOffset now, ConcurrentDictionary<string, DateTimeOffset> rescheduled)
    {
        var plans = new List<(string Key, WaitingJob? Held, TimeSpan Planned)>(keys.Count);
        var claims = new List<(string, DateTimeOffset)>(keys.Count);
        var foreignDueSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_deliveries.ContainsKey(key))
            {
                continue; // its delivery here renews its claim
            }

            // Held from this server's last claim only if it falls due when that claim said: a later one means another
            // server checked it meanwhile, and what this one counted (polls, failures) is stale. Held, it is claimed until
            // its planned check; not, for a lease, and planned once its state is read.
            var held = jobs.Find(key) is { } found && (now - found.NextCheckAt).Duration() < StaleClaim ? found : null;
            if (held is { Wait.Estimate: null, Data.Shape: { } shape } && jobs.Completions.Estimate(connection, shape) is { } learned)
            {
                // Its first jobs finished meanwhile (here or on another server): the rest of its wait aims at the likely end.
                held.Wait.Learn(learned);
            }

            if (held is null && !leased)
            {
                var since = _foreignDueSince.GetValueOrDefault(key, now);
                foreignDueSince[key] = since;
                if (now - since < ForeignSlack)
                {
                    continue; // likely another server's, about to be claimed by it
                }
            }

            var planned = held?.Wait.PlanIfRunning(held.SinceSubmission(now)) ?? LeaseTime;
            plans.Add((key, held, planned));
            claims.Add((key, now + Lease(planned)));
        }

        _foreignDueSince = foreignDueSince;
        DueSet.Schedule(connection, claims);
        var claimed = new List<WaitingJob>(plans.Count);
        foreach (var (key, held, planned) in plans)
        {
            // Read every time, not trusted from the last round: a claim that raced a Delete re-adds the entry, and a
            // deleted job must not be polled again (one read a check; the state row is the job's own).
            if (OpperWaitingState.Read(connection.GetStateData(key)) is not { } data)
            {
                ForgetIfNotWaiting(connection, key, now);
                continue;
            }

            var job = held is not null && held.Data == data ? held : jobs.Rebuild(key, data, connection);
            if (job.NextCheckAt != default)
            {
                client.Metrics.CheckLate(now - job.NextCheckAt);
            }

            if (ReferenceEquals(job, held))
            {
                job.NextCheckAt = now + planned;
            }
            else
            {
                var plan = job.Wait.PlanIfRunning(job.SinceSubmission(now));
                job.NextCheckAt = now + plan;
                rescheduled[key] = now + Lease(plan);
            }

            claimed.Add(job);
        }

        return claimed;
    }

    /// <summary>How long a claim holds a job planned <paramref name="planned"/> from now: until then, or a lease at most.</summary>
    private static TimeSpan Lease(TimeSpan planned) => planned < LeaseTime ? planned : LeaseTime;

    /// <summary>
    /// Drops the due entry of a job that is not waiting (a claim or a renewal re-added it after the job moved), under the
    /// job's state lock, so a requeue that makes it wait again meanwhile keeps its fresh entry.
    /// </summary>
    private void ForgetIfNotWaiting(IStorageConnection connection, string key, DateTimeOffset now)
    {
        jobs.Forget(key);
        DueSet.FollowState(connection, key, now);
    }
}
