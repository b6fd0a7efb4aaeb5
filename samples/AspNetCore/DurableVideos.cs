// Durable jobs in the web app: a job enqueued here is stored in SQLite and survives a deploy or a crash; the Hangfire
// server below (or any worker process on the same storage) submits it, checks it on a schedule and saves the clip.
//   POST /durable-videos        {"prompt": "…", "seconds": 4}  -> 202 {"key": "1", "status": "/durable-videos/1"}
//                               with an Idempotency-Key header, a repeat (a double click, a proxy's retry) gets the same job
//   GET  /durable-videos/{key}  -> {"key", "state", "opperJobId", "destination", "error"}
//   /hangfire                   the Hangfire dashboard, with an "Opper videos" page (local requests only, Hangfire's default)
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Mvc;
using Opper.Typed;
using Opper.Typed.Hangfire;

internal static class DurableVideos
{
    /// <summary>Hangfire on SQLite (the file named by DurableJobs:Database, else sample-output/durable-jobs/web-jobs.db), a small server, and the durable jobs.</summary>
    public static void AddDurableVideos(this WebApplicationBuilder builder)
    {
        // Relative to the current folder, which `dotnet run --project samples/AspNetCore` sets to the project's own folder.
        var database = Path.GetFullPath(builder.Configuration["DurableJobs:Database"] ?? Path.Combine("sample-output", "durable-jobs", "web-jobs.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        Console.WriteLine($"Durable jobs are stored in {database}.");
        builder.Services.AddHangfire(configuration => configuration.UseSQLiteStorage(database, new SQLiteStorageOptions
        {
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            QueuePollInterval = TimeSpan.FromSeconds(1),
        }));
        builder.Services.AddHangfireServer(options => (options.WorkerCount, options.SchedulePollingInterval) = (2, TimeSpan.FromSeconds(1)));
        builder.Services.AddOpperVideoJobs();
    }

    public static void MapDurableVideos(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire");
        // Under sample-output/, like the other samples' files: a run from the clone leaves nothing for git to list.
        var clips = Directory.CreateDirectory(Path.Combine(Environment.CurrentDirectory, "sample-output", "durable-jobs", "clips")).FullName;
        Console.WriteLine($"Durable clips are saved to {clips}.");

        // Returns once the job is stored: Opper is called by a worker, so this answers even while Opper is unreachable.
        app.MapPost("/durable-videos", async (
            GenerateVideo body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IVideoJobScheduler scheduler, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(body.Prompt))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["prompt"] = ["Describe the clip, e.g. \"a hot air balloon at dawn\"."] });
            }

            // A repeat of a keyed request must name the same file, or it would be a different request: the file is named after the key.
            var name = idempotencyKey is null ? Guid.NewGuid().ToString("N") : "key-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)), 0, 12).ToLowerInvariant();
            try
            {
                var key = await scheduler.EnqueueAsync(body.ToRequest(), VideoJobDestination.File(Path.Combine(clips, name + ".mp4")),
                    new VideoJobEnqueueOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
                return Results.Accepted($"/durable-videos/{key}", new { key, status = $"/durable-videos/{key}" });
            }
            catch (ArgumentException refused) when (refused.ParamName == "idempotencyKey")
            {
                return Results.Problem(statusCode: 422, title: "Idempotency-Key already used for another request", detail: refused.Message);
            }
        });

        app.MapGet("/durable-videos/{key}", async (string key, IVideoJobScheduler scheduler, CancellationToken cancellationToken) =>
            await scheduler.GetJobAsync(key, cancellationToken) is { } job
                ? Results.Ok(new { key, state = job.State.ToString(), opperJobId = job.OpperJobId, destination = job.DestinationPath, error = job.Error })
                : Results.Problem(statusCode: 404, title: "No such durable video job", detail: $"No durable video job is stored under '{key}'."));
    }
}
