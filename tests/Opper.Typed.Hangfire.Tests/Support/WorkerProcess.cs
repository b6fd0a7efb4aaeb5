using Opper.Typed.Emulator;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>A real worker process (tests/DurableWorker) against a storage and the test's emulator, configured by its environment as a deployed worker is.</summary>
internal static class WorkerProcess
{
    /// <param name="storage"><c>sqlite:&lt;file&gt;</c> or <c>postgres:&lt;connection string&gt;</c>.</param>
    /// <param name="emulator">The API.</param>
    /// <param name="workers">Hangfire worker threads.</param>
    /// <param name="settings">More environment variables, e.g. <c>Opper__Budget__Limit</c>.</param>
    public static async Task<RunningProcess> StartAsync(string storage, OpperEmulator emulator, int workers = 2, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DURABLE_STORAGE"] = storage,
            ["DURABLE_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DURABLE_QUICK"] = "1",
            ["OPPER_BASE_URL"] = emulator.BaseAddress.ToString(),
            ["OPPER_API_KEY"] = emulator.ApiKey,
            ["Opper__Polling__FirstPollDelay"] = "00:00:00.200",
            ["Opper__Polling__Interval"] = "00:00:00.300",
            ["Opper__Polling__MaxInterval"] = "00:00:00.500",
            ["Opper__RequestTimeout"] = "00:00:05",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var worker = RunningProcess.Start("tests/DurableWorker", directory: null, environment);
        await worker.LineAsync(line => line == "ready", "The worker's \"ready\"", TimeSpan.FromSeconds(60));
        return worker;
    }
}
