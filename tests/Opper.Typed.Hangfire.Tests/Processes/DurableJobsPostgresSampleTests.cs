using Npgsql;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Processes;

/// <summary>
/// samples/DurableJobs' many-workers mode as the README tells a user to run it: three processes on one empty PostgreSQL
/// database and one shared emulator, the first preparing the schema, the third enqueueing.
/// </summary>
public sealed class DurableJobsPostgresSampleTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Jobs = 6;

    [Fact]
    public async Task Three_sample_workers_on_an_empty_database_one_preparing_the_schema_deliver_every_job_from_one_POST_each_without_schema_errors()
    {
        // Two seconds a job, as the README's standalone `emulator --job-seconds 2`.
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromSeconds(2) });
        using var folder = new TempFolder();
        var database = await EmptyDatabaseAsync("many_workers");
        // No key: the sample must use the emulator given by --base-url, not start one of its own per process.
        var noKey = new Dictionary<string, string> { ["OPPER_API_KEY"] = "", ["OPPER_BASE_URL"] = "" };
        // Without the trailing slash, as the README writes the address.
        string[] common = ["--postgres", database, "--base-url", emulator.BaseAddress.ToString().TrimEnd('/')];
        var workers = new List<RunningProcess>();
        try
        {
            var preparing = RunningProcess.Start("samples/DurableJobs", folder.Path, noKey, [.. common, "--prepare-schema"]);
            workers.Add(preparing);
            await preparing.LineAsync(line => line.StartsWith("Ready: schema prepared", StringComparison.Ordinal), "the preparing worker's ready line", TimeSpan.FromSeconds(30));

            // The other two start together, as a deploy starts its workers, on the schema the first one made.
            workers.Add(RunningProcess.Start("samples/DurableJobs", folder.Path, noKey, common));
            var enqueuing = RunningProcess.Start("samples/DurableJobs", folder.Path, noKey, [.. common, "--enqueue", Jobs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            workers.Add(enqueuing);
            await enqueuing.LineAsync(line => line.StartsWith("All ", StringComparison.Ordinal), "the enqueued jobs' end", TimeSpan.FromSeconds(45));

            var output = string.Join('\n', workers.Select(worker => worker.Output));
            // What three preparing workers log on an empty database (issue 31): none of it with one preparing.
            Assert.DoesNotContain("already exists", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("duplicate", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("fail", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"All {Jobs} jobs ended: {Jobs} completed.", enqueuing.Output);
            Assert.All(workers, worker => Assert.Matches(@"Worker PID (\d+): kill -9 \1 to try a crash", worker.Output));
            Assert.All(workers.Skip(1), worker => Assert.Contains("Ready: working on the prepared schema.", worker.Output));

            var posts = emulator.Requests.Where(request => request.Method == "POST").ToList();
            Assert.Equal(Jobs, posts.Count);
            Assert.Equal(Jobs, posts.Select(post => post.Body).Distinct().Count());
            var clips = Directory.GetFiles(Path.Combine(folder.Path, "sample-output", "durable-jobs", "postgres"));
            Assert.Equal(Jobs, clips.Length);
            Assert.All(clips, clip => Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(clip), 4, 4)));
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    /// <summary>A database of its own on the class's server, so no other test's schema is there before the workers start.</summary>
    private async Task<string> EmptyDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = name }.ConnectionString;
    }
}
