using System.Diagnostics;
using Opper.Typed.Emulator;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>
/// A real worker process (tests/DurableWorker) against a storage and the test's emulator: started as a deployed worker is,
/// configured by its environment, and stopped the hard way, with SIGKILL, mid-step.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="storage"><c>sqlite:&lt;file&gt;</c> or <c>postgres:&lt;connection string&gt;</c>.</param>
    /// <param name="emulator">The API.</param>
    /// <param name="workers">Hangfire worker threads.</param>
    public static async Task<WorkerProcess> StartAsync(string storage, OpperEmulator emulator, int workers = 2)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "tests", "DurableWorker", "bin", Configuration, "net10.0", "DurableWorker.dll");
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DURABLE_STORAGE"] = storage;
        start.Environment["DURABLE_WORKERS"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DURABLE_QUICK"] = "1";
        start.Environment["OPPER_BASE_URL"] = emulator.BaseAddress.ToString();
        start.Environment["OPPER_API_KEY"] = emulator.ApiKey;
        start.Environment["Opper__Polling__FirstPollDelay"] = "00:00:00.200";
        start.Environment["Opper__Polling__Interval"] = "00:00:00.300";
        start.Environment["Opper__Polling__MaxInterval"] = "00:00:00.500";
        start.Environment["Opper__RequestTimeout"] = "00:00:05";
        start.Environment["DOTNET_gcServer"] = "0";
        var worker = new WorkerProcess(Process.Start(start)!);
        worker._process.OutputDataReceived += (_, line) => worker.Read(line.Data);
        worker._process.ErrorDataReceived += (_, line) => worker.Read(line.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        var exited = worker._process.WaitForExitAsync();
        if (await Task.WhenAny(worker._ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != worker._ready.Task)
        {
            await worker.DisposeAsync();
            Assert.Fail($"The worker did not start: {worker.Output}");
        }

        return worker;
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, no last write; what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line == "ready")
        {
            _ready.TrySetResult();
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
