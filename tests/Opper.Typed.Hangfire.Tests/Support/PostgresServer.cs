using System.Net;
using System.Net.Sockets;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>
/// Debian's PostgreSQL 15, started for the tests on a free loopback port in a temp folder (initdb + pg_ctl as the
/// <c>postgres</c> user, trust auth) and stopped after; installed first when the machine lacks it. Each test takes a
/// schema of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private string _folder = "";

    public int Port { get; private set; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40";

    public async Task InitializeAsync()
    {
        await DebianPackages.EnsureAsync($"{Bin}/initdb", "postgresql");
        _folder = Path.Combine(Path.GetTempPath(), $"opper-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        await RunAsync("chown", "postgres", _folder);
        Port = FreePort();
        await AsPostgresAsync($"{Bin}/initdb -D {_folder}/data -A trust -U postgres");
        await AsPostgresAsync($"{Bin}/pg_ctl -D {_folder}/data -l {_folder}/log -o '-h 127.0.0.1 -p {Port} -k {_folder} -c max_connections=300' -w start");
    }

    public async Task DisposeAsync()
    {
        if (Port != 0)
        {
            await AsPostgresAsync($"{Bin}/pg_ctl -D {_folder}/data -m immediate -w stop");
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // In /tmp; the server is stopped either way.
        }
    }

    private static async Task AsPostgresAsync(string command)
    {
        var run = await ChildProcess.RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command], null, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
        Assert.True(run.Code == 0, $"`{command}` failed: {run.Output}");
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(program, arguments, null, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1));
        Assert.True(run.Code == 0, $"{program} {string.Join(' ', arguments)} failed: {run.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
