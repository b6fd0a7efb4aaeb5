using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

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

    /// <summary>
    /// What the storage holds for a process that may be dead, for a failure message: its distributed locks (with when
    /// they were taken) and the queued steps a worker fetched and has not finished.
    /// </summary>
    public static async Task<string> DescribeHeldAsync(string connectionString, string schema = "hangfire")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var locks = await ReadAsync(connection, $"SELECT resource, acquired FROM \"{schema}\".lock ORDER BY acquired");
        var fetched = await ReadAsync(connection, $"SELECT 'job ' || jobid, fetchedat FROM \"{schema}\".jobqueue WHERE fetchedat IS NOT NULL ORDER BY fetchedat");
        return $"locks held: [{locks}]; steps fetched and not finished: [{fetched}]";
    }

    private static async Task<string> ReadAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetValue(0)} since {reader.GetValue(1):HH:mm:ss}");
        }

        return string.Join(", ", rows);
    }
}
