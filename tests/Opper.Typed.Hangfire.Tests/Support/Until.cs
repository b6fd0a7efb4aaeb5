namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>Waits for what workers do on their own schedule, so tests assert what happened, not how fast a loaded machine got there.</summary>
internal static class Until
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var (value, reached) = await PollAsync(read, done, DateTime.UtcNow + (timeout ?? DefaultTimeout));
        if (!reached)
        {
            Assert.Fail($"{what} did not happen within {(timeout ?? DefaultTimeout).TotalSeconds:0} s; last seen: {value}");
        }

        return value;
    }

    /// <summary>
    /// Reads until <paramref name="done"/> or <paramref name="deadline"/>, and returns the last value either way: for a
    /// test whose failure message says more than "did not happen" (which parts were late, and by how much).
    /// </summary>
    public static async Task<T> LastValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, DateTimeOffset deadline) =>
        (await PollAsync(read, done, deadline.UtcDateTime)).Value;

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        await ValueAsync(() => Task.FromResult(condition()), static value => value, what, timeout);

    /// <summary>
    /// Until the emulator, started with <c>StatePath</c> = <paramref name="emulatorStatePath"/>, has created a job: the POST
    /// arrived, whether or not it has been answered. Opper creates the job before it answers, and an emulator's
    /// <c>Requests</c> lists a request only once it is answered; a fixed sleep instead could kill a worker before its POST left.
    /// </summary>
    public static Task PostArrivedAsync(string emulatorStatePath) =>
        TrueAsync(() => File.Exists(emulatorStatePath) && File.ReadAllText(emulatorStatePath).Contains("gen_", StringComparison.Ordinal), "a job Opper created (the POST arrived)");

    public static async Task<DurableVideoJob> JobAsync(IVideoJobScheduler scheduler, string key, Func<DurableVideoJob, bool> done, TimeSpan? timeout = null) =>
        (await ValueAsync(() => scheduler.GetJobAsync(key), job => job is not null && done(job), $"job {key}'s awaited state", timeout))!;

    private static async Task<(T Value, bool Reached)> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, DateTime deadline)
    {
        T value;
        while (!done(value = await read()))
        {
            if (DateTime.UtcNow > deadline)
            {
                return (value, false);
            }

            await Task.Delay(50);
        }

        return (value, true);
    }
}
