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

    // The state data's names, in the stored record's casing (VideoJobRecord): the same fact is spelled one way wherever
    // the job's storage shows it.
    public const string OpperJobIdName = "opperJobId";

    /// <summary>Unix milliseconds.</summary>
    public const string SubmittedAtName = "submittedAt";

    public const string StatusUrlName = "statusUrl";

    public const string ShapeName = "shape";

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
            [OpperJobIdName] = job.OpperJobId,
            [SubmittedAtName] = job.SubmittedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (job.StatusUrl is not null)
        {
            data[StatusUrlName] = job.StatusUrl;
        }

        if (job.Shape is not null)
        {
            data[ShapeName] = job.Shape;
        }

        return data;
    }

    /// <summary>What a checker needs of a waiting job, from the state's stored data; null when the job is not waiting.</summary>
    public static WaitingJobData? Read(StateData? state) => state is { Name: StateName } ? Read(state.Data) : null;

    /// <summary>The waiting job an <see cref="OpperWaitingState"/>'s data describes; null for data of another state.</summary>
    public static WaitingJobData? Read(IDictionary<string, string> data) =>
        data.TryGetValue(OpperJobIdName, out var id)
        && data.TryGetValue(SubmittedAtName, out var submitted) && long.TryParse(submitted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis)
            ? new WaitingJobData(id, DateTimeOffset.FromUnixTimeMilliseconds(millis), Optional(data, StatusUrlName), Optional(data, ShapeName))
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
