using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>
/// A PostgreSQL server (<see cref="LocalPostgres"/>) for a test class where only some cases need one: started by the
/// first that asks, so the others never install or start it, and stopped after the class.
/// </summary>
public sealed class PostgresOnDemand : IAsyncLifetime
{
    private readonly Lazy<Task<LocalPostgres>> _server = new(() => LocalPostgres.StartAsync());

    public async Task<string> ConnectionStringAsync() => (await _server.Value).ConnectionString;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server.IsValueCreated)
        {
            await (await _server.Value).DisposeAsync();
        }
    }
}
