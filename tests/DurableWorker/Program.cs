// A durable-jobs worker, configured by the environment as a deployed one would be:
//   DURABLE_STORAGE   sqlite:<file> | postgres:<connection string>
//   DURABLE_WORKERS   Hangfire worker threads (default 5)
//   OPPER_BASE_URL, OPPER_API_KEY, and Opper__Polling__Interval etc. for the client
//   DURABLE_QUICK=1   poll the storage and recover a killed worker's step within seconds (tests), not a minute
//   DURABLE_DEFAULTS=1  the storage's and the Hangfire server's own default options, only the worker count set (for
//                     PostgreSQL: DistributedLockTimeout 10 min, InvisibilityTimeout 30 min, no sliding timeout, the
//                     package's QueuePollInterval, no long polling; SchedulePollingInterval 15 s): a worker set up as
//                     the README's first snippet is; it wins over DURABLE_QUICK for those options
// It prints "ready" once its Hangfire server runs, and works until it is stopped or killed.
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Opper.Typed;
using Opper.Typed.Hangfire;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
var quick = Environment.GetEnvironmentVariable("DURABLE_QUICK") == "1";
var defaults = Environment.GetEnvironmentVariable("DURABLE_DEFAULTS") == "1";
var storage = Environment.GetEnvironmentVariable("DURABLE_STORAGE") ?? "sqlite:jobs.db";
var workers = int.Parse(Environment.GetEnvironmentVariable("DURABLE_WORKERS") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
var recovery = quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromMinutes(1);
var storagePoll = quick ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1);

builder.Services.AddOpperVideos(builder.Configuration.GetSection("Opper"));
builder.Services.AddHangfire(configuration =>
{
    if (storage.StartsWith("postgres:", StringComparison.Ordinal))
    {
        configuration.UsePostgreSqlStorage(
            postgres => postgres.UseNpgsqlConnection(storage["postgres:".Length..]),
            // A killed worker's step and its locks (the schedule poller's among them) come back after `recovery`; the
            // sliding timeout keeps a live worker's long download its own meanwhile.
            // No long polling (LISTEN/NOTIFY): a worker once hung in its clean-up holding a fetched job (README).
            defaults ? new PostgreSqlStorageOptions() : new PostgreSqlStorageOptions
            {
                InvisibilityTimeout = recovery,
                UseSlidingInvisibilityTimeout = true,
                DistributedLockTimeout = recovery,
                QueuePollInterval = storagePoll,
            });
    }
    else
    {
        // No sliding timeout here: a step that runs longer than `recovery` is handed out again (the steps are safe to repeat).
        configuration.UseSQLiteStorage(storage["sqlite:".Length..], defaults ? new SQLiteStorageOptions() : new SQLiteStorageOptions
        {
            InvisibilityTimeout = recovery,
            DistributedLockLifetime = quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30),
            QueuePollInterval = storagePoll,
        });
    }
});
builder.Services.AddHangfireServer(options =>
{
    options.WorkerCount = workers;
    if (!defaults)
    {
        options.SchedulePollingInterval = storagePoll;
        options.ServerCheckInterval = TimeSpan.FromSeconds(5);
    }
});
builder.Services.AddOpperVideoJobs(options => options.StepRetryDelay = quick ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5));

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("ready");
await host.WaitForShutdownAsync();
