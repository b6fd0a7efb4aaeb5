using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>Hangfire.PostgreSql storages on a test's server, creating or upgrading their schema as they open.</summary>
internal static class PostgresStorages
{
    /// <summary>The storage on the given options (Hangfire.PostgreSql's defaults when null), in the "hangfire" schema unless they name another.</summary>
    public static PostgreSqlStorage Open(string connectionString, PostgreSqlStorageOptions? options = null)
    {
        options ??= new PostgreSqlStorageOptions();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// A storage in a schema of its own, so tests sharing one server never see each other's jobs, polled as fast as
    /// <see cref="DurableHost"/>'s server polls its schedule (the default queue poll is 15 s).
    /// </summary>
    public static PostgreSqlStorage OfItsOwn(string connectionString) => Open(connectionString, new PostgreSqlStorageOptions
    {
        SchemaName = $"test_{Guid.NewGuid():N}",
        QueuePollInterval = TimeSpan.FromMilliseconds(100),
    });
}
