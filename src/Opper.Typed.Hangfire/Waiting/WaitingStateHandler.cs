using Hangfire.States;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire;

/// <summary>
/// Keeps the due set in step with <see cref="OpperWaitingState"/>: a job entering it is due at its first check, a job
/// leaving it (whoever moves it) is gone from the set in the same transaction, so no checker polls a deleted job.
/// </summary>
internal sealed class WaitingStateHandler : IStateHandler
{
    private static readonly object Registration = new();
    private static bool _registered;

    public string StateName => OpperWaitingState.StateName;

    public void Apply(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var dueAt = context.NewState is OpperWaitingState waiting ? waiting.FirstCheckAt : DateTimeOffset.UtcNow;
        transaction.AddToSet(DueSet.Key, context.BackgroundJob.Id, dueAt.ToUnixTimeMilliseconds());
    }

    public void Unapply(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        transaction.RemoveFromSet(DueSet.Key, context.BackgroundJob.Id);

    /// <summary>Adds the handler to Hangfire's global ones, once per process (a state's handlers are looked up by its name).</summary>
    public static void Register()
    {
        lock (Registration)
        {
            if (!_registered)
            {
                global::Hangfire.GlobalStateHandlers.Handlers.Add(new WaitingStateHandler());
                _registered = true;
            }
        }
    }
}
