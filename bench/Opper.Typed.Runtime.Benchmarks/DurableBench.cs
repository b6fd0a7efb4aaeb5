using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Npgsql;
using Opper.Typed.Emulator;
using Opper.Typed.Testing;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// What the durable-jobs commands (<c>durable</c>, <c>waiting</c>) share: the private PostgreSQL with statement counting,
/// storages per role (the bench's own reads under a role left out of the count), the request, and the counts read back.
/// </summary>
internal static class DurableBench
{
    /// <summary>The sorted set the package keeps its waiting jobs in (src/Opper.Typed.Hangfire/Waiting/DueSet.cs).</summary>
    private const string DueSetKey = "opper-video:due";

    /// <summary>
    /// A private PostgreSQL 15 with <c>pg_stat_statements</c>, and two roles: <c>bench</c> for the benchmark's own
    /// monitoring (left out of the statement counts) and <c>web</c> for an in-process enqueuer or server (counted).
    /// </summary>
    public static async Task<LocalPostgres> StartPostgresAsync()
    {
        var postgres = await LocalPostgres.StartAsync("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all");
        await ExecuteAsync(postgres.ConnectionString, "CREATE EXTENSION pg_stat_statements; CREATE ROLE bench LOGIN SUPERUSER; CREATE ROLE web LOGIN SUPERUSER;");
        return postgres;
    }

    /// <summary>A storage that connects as <paramref name="role"/>, without the pool's reset on each of Hangfire's short connections.</summary>
    public static PostgreSqlStorage Storage(string connectionString, string role, PostgreSqlStorageOptions options) =>
        new(new NpgsqlConnectionFactory(connectionString.Replace("Username=postgres", "Username=" + role, StringComparison.Ordinal) + ";No Reset On Close=true", options), options);

    /// <summary>Three worker processes (tests/DurableWorker, five Hangfire threads each, the README's settings) on the storage, ready.</summary>
    public static async Task<List<RunningProcess>> StartWorkersAsync(string connectionString, OpperEmulator emulator)
    {
        var workers = new List<RunningProcess>();
        for (var i = 0; i < 3; i++)
        {
            var worker = RunningProcess.Start("tests/DurableWorker", null, new Dictionary<string, string>
            {
                // No pool reset (DISCARD ALL) on each of Hangfire's many short connections, as the README suggests.
                ["DURABLE_STORAGE"] = "postgres:" + connectionString + ";No Reset On Close=true",
                ["DURABLE_WORKERS"] = "5",
                ["OPPER_BASE_URL"] = emulator.BaseAddress.ToString(),
                ["OPPER_API_KEY"] = emulator.ApiKey,
            });
            workers.Add(worker);
            await worker.LineAsync(line => line == "ready", "ready", TimeSpan.FromSeconds(60));
        }

        return workers;
    }

    public static Veo31FastGenerate001Request Request(int i) => new($"clip {i}") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4, Resolution = Veo31FastGenerate001Resolution.Resolution720p };

    /// <summary>Jobs in the package's waiting state: the entries of its due set.</summary>
    public static long WaitingCount(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection is JobStorageConnection counted ? counted.GetSetCount(DueSetKey) : -1;
    }

    public static Task ResetStatementsAsync(string connectionString) => ExecuteAsync(connectionString, "SELECT pg_stat_statements_reset();");

    /// <summary>Statements run by every role but the bench's own since the last reset.</summary>
    public static Task<long> StatementsAsync(string connectionString) => ScalarAsync(connectionString,
        "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE userid <> (SELECT oid FROM pg_roles WHERE rolname = 'bench')");

    /// <summary>Prints the most frequent statements (the bench's own left out), with their count per job.</summary>
    public static async Task PrintTopStatementsAsync(string connectionString, int jobs, int count = 60)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var top = new NpgsqlCommand($"SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) FROM pg_stat_statements WHERE userid <> (SELECT oid FROM pg_roles WHERE rolname = 'bench') ORDER BY calls DESC LIMIT {count}", connection);
        await using var reader = await top.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reader.GetInt64(0),7}  {(double)reader.GetInt64(0) / jobs,6:0.00}/job  {reader.GetString(1)}"));
        }
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
