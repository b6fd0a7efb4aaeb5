using Opper.Typed.Emulator;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>Several worker processes (<see cref="WorkerProcess"/>) on one storage, started one after another and all killed after the test.</summary>
internal sealed class WorkerPool : IAsyncDisposable
{
    private readonly List<RunningProcess> _processes = [];

    public RunningProcess this[int index] => _processes[index];

    /// <param name="count">Worker processes.</param>
    /// <param name="storage">As <see cref="WorkerProcess.StartAsync"/> takes it.</param>
    /// <param name="emulator">The API.</param>
    /// <param name="workers">Hangfire worker threads in each.</param>
    /// <param name="settings">More environment variables for each.</param>
    public static async Task<WorkerPool> StartAsync(int count, string storage, OpperEmulator emulator, int workers, IReadOnlyDictionary<string, string>? settings = null)
    {
        var pool = new WorkerPool();
        try
        {
            for (var i = 0; i < count; i++)
            {
                pool._processes.Add(await WorkerProcess.StartAsync(storage, emulator, workers, settings));
            }

            return pool;
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
