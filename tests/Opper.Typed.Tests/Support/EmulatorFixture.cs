using Opper.Typed.Emulator;

namespace Opper.Typed.Tests.Support;

/// <summary>An emulator, a client polling it fast, and a temp folder, disposed together.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorFixture(OpperEmulator emulator, OpperVideoClient client, string folder)
    {
        Emulator = emulator;
        Client = client;
        Folder = folder;
    }

    public OpperEmulator Emulator { get; }

    public OpperVideoClient Client { get; }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public static async Task<EmulatorFixture> StartAsync(Action<OpperEmulatorOptions>? emulator = null, Action<OpperVideoClientOptions>? client = null)
    {
        var emulatorOptions = new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100) };
        emulator?.Invoke(emulatorOptions);
        var started = await OpperEmulator.StartAsync(emulatorOptions);
        var clientOptions = FastPolling(started.CreateClientOptions());
        client?.Invoke(clientOptions);
        var folder = Directory.CreateTempSubdirectory("opper-typed-tests-").FullName;
        return new EmulatorFixture(started, new OpperVideoClient(clientOptions), folder);
    }

    public static OpperVideoClientOptions FastPolling(OpperVideoClientOptions options)
    {
        options.Polling.FirstPollDelay = TimeSpan.FromMilliseconds(10);
        options.Polling.Interval = TimeSpan.FromMilliseconds(20);
        options.Polling.MaxInterval = TimeSpan.FromMilliseconds(50);
        options.Polling.Timeout = TimeSpan.FromSeconds(30);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        return options;
    }

    /// <summary>The files in the temp folder, to prove that nothing (not even a .partial) was left behind.</summary>
    public string[] Files() => Directory.GetFiles(Folder).Select(Path.GetFileName).ToArray()!;

    public IReadOnlyList<RecordedRequest> Requests(EmulatorHost host, string method) =>
        Emulator.Requests.Where(r => r.Host == host && r.Method == method).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
