using System.Diagnostics;
using System.Text;
namespace Opper.Typed.Testing;

/// <summary>
/// A .NET program of this repository run as its own process, its output read as it comes, stopped the hard way: SIGKILL,
/// no shutdown, no cleanup, no last write, what a crash or an out-of-memory kill does.
/// </summary>
internal sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waits = [];

    private RunningProcess(Process process)
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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="project">The project's folder under the repository, e.g. <c>tests/DurableWorker</c>; its built dll is run.</param>
    /// <param name="directory">The current folder of the process.</param>
    /// <param name="environment">Variables on top of this process's.</param>
    /// <param name="arguments">The program's command line, as a user types it after <c>dotnet run --</c>.</param>
    public static RunningProcess Start(string project, string? directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var name = Path.GetFileName(project);
        return StartProgram(Path.Combine(RepositoryPaths.Root, project, "bin", Configuration, "net10.0", name + ".dll"), directory, environment, arguments);
    }

    /// <summary>Runs a built program that is not one of the repository's projects, e.g. one a test wrote and built.</summary>
    /// <param name="dll">The program's built assembly.</param>
    /// <param name="directory">The current folder of the process.</param>
    /// <param name="environment">Variables on top of this process's.</param>
    /// <param name="arguments">The program's command line.</param>
    public static RunningProcess StartProgram(string dll, string? directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var running = new RunningProcess(Process.Start(start)!);
        running._process.OutputDataReceived += (_, line) => running.Read(line.Data);
        running._process.ErrorDataReceived += (_, line) => running.Read(line.Data);
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits for a line of output; throws with what was printed when the process ends or the time runs out first.</summary>
    public async Task LineAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Split('\n').Any(line => match(line.TrimEnd('\r'))))
            {
                return;
            }

            _waits.Add((match, seen));
        }

        if (await Task.WhenAny(seen.Task, _process.WaitForExitAsync(), Task.Delay(timeout)) != seen.Task)
        {
            await Task.Delay(200); // the last lines of a process that ended
            throw new TimeoutException($"{what} was not printed{(_process.HasExited ? $" (the process ended with {_process.ExitCode})" : $" within {timeout.TotalSeconds:0} s")}: {Output}");
        }
    }

    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

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
            foreach (var wait in _waits.Where(wait => wait.Match(line)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
