using System.Net;
using System.Net.Sockets;

namespace Opper.Typed.Testing;

/// <summary>
/// Debian's PostgreSQL 15 started on a free loopback port in a temp folder (initdb + pg_ctl as the <c>postgres</c> user,
/// trust auth), installed first when the machine lacks it, and stopped after. For the durable-jobs tests and benchmark.
/// </summary>
internal sealed class LocalPostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;

    private LocalPostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40";

    /// <param name="settings">Extra server settings, e.g. <c>shared_preload_libraries=pg_stat_statements</c>.</param>
    public static async Task<LocalPostgres> StartAsync(params string[] settings)
    {
        await DebianPackages.EnsureAsync($"{Bin}/initdb", "postgresql", "postgresql-contrib");
        var folder = Path.Combine(Path.GetTempPath(), $"opper-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await RunAsync("chown", "postgres", folder);
        var port = FreePort();
        await AsPostgresAsync($"{Bin}/initdb -D {folder}/data -A trust -U postgres");
        var options = string.Concat(settings.Select(setting => $" -c {setting}"));
        await AsPostgresAsync($"{Bin}/pg_ctl -D {folder}/data -l {folder}/log -o '-h 127.0.0.1 -p {port} -k {folder} -c max_connections=300{options}' -w start");
        return new LocalPostgres(folder, port);
    }

    public async ValueTask DisposeAsync()
    {
        await AsPostgresAsync($"{Bin}/pg_ctl -D {_folder}/data -m immediate -w stop");
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // In /tmp; the server is stopped either way.
        }
    }

    private static Task AsPostgresAsync(string command) => RunAsync("su", "postgres", "-s", "/bin/sh", "-c", command);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(program, arguments, null, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
        if (run.Code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({run.Code}): {run.Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
