using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>A PostgreSQL server for a test class (<see cref="LocalPostgres"/>), started before its tests and stopped after.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private LocalPostgres? _server;

    public string ConnectionString => _server!.ConnectionString;

    public async Task InitializeAsync() => _server = await LocalPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
