using System.Globalization;
using Hangfire.States;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// The Hangfire state of a durable job that Opper has and that is not done yet: no worker thread runs for it, and one
/// background process per server (<see cref="VideoJobChecker"/>) checks it. Entering it puts the job in the due set,
/// leaving it (done, deleted, requeued) takes it out, both in the state change's own transaction
/// (<see cref="WaitingStateHandler"/>), so the job's history shows its whole wait as one state.
/// </summary>
internal sealed class OpperWaitingState(WaitingJobData job, DateTimeOffset firstCheckAt) : IState
{
    public const string StateName = "OpperWaiting";

    public string Name => StateName;

    public string? Reason { get; set; }

    public bool IsFinal => false;

    public bool IgnoreJobLoadException => false;

    public WaitingJobData Job => job;

    /// <summary>When the first check of this wait is due: the due set's score.</summary>
    public DateTimeOffset FirstCheckAt => firstCheckAt;

    public Dictionary<string, string> SerializeData()
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OpperJobId"] = job.OpperJobId,
            ["SubmittedAt"] = job.SubmittedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (job.StatusUrl is not null)
        {
            data["StatusUrl"] = job.StatusUrl;
        }

        if (job.Shape is not null)
        {
            data["Shape"] = job.Shape;
        }

        return data;
    }

    /// <summary>What a checker needs of a waiting job, from the state's stored data; null when the job is not waiting.</summary>
    public static WaitingJobData? Read(StateData? state) =>
        state is { Name: StateName } && state.Data.TryGetValue("OpperJobId", out var id)
        && state.Data.TryGetValue("SubmittedAt", out var submitted) && long.TryParse(submitted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis)
            ? new WaitingJobData(id, DateTimeOffset.FromUnixTimeMilliseconds(millis), Optional(state.Data, "StatusUrl"), Optional(state.Data, "Shape"))
            : null;

    private static string? Optional(IDictionary<string, string> data, string name) => data.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A waiting job as its state keeps it.</summary>
internal sealed record WaitingJobData(string OpperJobId, DateTimeOffset SubmittedAt, string? StatusUrl, string? Shape)
{
    /// <summary>The job as it reads back from its state: the time to the millisecond, so a checker holding it knows it again.</summary>
    public static WaitingJobData Of(string opperJobId, DateTimeOffset submittedAt, string? statusUrl, string? shape) =>
        new(opperJobId, DateTimeOffset.FromUnixTimeMilliseconds(submittedAt.ToUnixTimeMilliseconds()), statusUrl, shape);
}
