// A web app that starts generations, reports their status and streams the clips, with OpperVideoClient from
// dependency injection, configured from the "Opper" section (appsettings.json, user-secrets, --Opper:ApiKey=…),
// else OPPER_API_KEY. Without a key it runs against the local emulator (and says so at start-up).
//   POST /videos             {"prompt": "a hot air balloon at dawn", "seconds": 4}  -> 202 {"id": "gen_…", "status": "/videos/gen_…"}
//   GET  /videos/{id}        -> {"id", "state", "url", "error"}
//   GET  /videos/{id}/clip   -> the MP4, streamed from Opper's storage once the job is done
// Every error is ProblemDetails (OpperProblemDetails.cs): 400 invalid request or unreadable body (field and fix), 404 unknown job,
// 502 Opper's own error message, 503 a job still running or not followed, with its id.
// Durable jobs (DurableVideos.cs): POST /durable-videos stores a job that survives restarts; /hangfire is the dashboard.
using Opper.Typed;
using Opper.Typed.Emulator;

var builder = WebApplication.CreateSlimBuilder(args);
var opper = builder.Configuration.GetSection("Opper");
builder.Services.AddOpperVideos(opper);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<OpperProblemDetails>();
// A body that is not JSON, or "seconds": "eight", reaches OpperProblemDetails as an exception (by default it would be a
// bare 400), which answers with the field and what it should be.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.AddDurableVideos(); // DurableVideos.cs: jobs that survive restarts, on Hangfire and SQLite

OpperEmulator? emulator = null;
if (string.IsNullOrWhiteSpace(opper["ApiKey"]) && string.IsNullOrWhiteSpace(builder.Configuration[OpperVideoClientOptions.ApiKeyVariable]))
{
    emulator = await OpperEmulator.StartAsync();
    Console.WriteLine($"No Opper:ApiKey or OPPER_API_KEY set: using the local Opper emulator at {emulator.BaseAddress}.");
    builder.Services.Configure<OpperVideoClientOptions>(options =>
    {
        options.BaseAddress = emulator.BaseAddress;
        options.ApiKey = emulator.ApiKey;
    });
}

var app = builder.Build();
// `dotnet run` starts this app as a child process: SIGKILL to `dotnet run` leaves the app running, so name the app itself.
Console.WriteLine($"App PID {Environment.ProcessId}: kill -9 {Environment.ProcessId} to try a crash.");
app.UseExceptionHandler();
app.UseStatusCodePages(); // a 404 for an unknown route is ProblemDetails too
app.MapDurableVideos();

// Starting a paid job returns at once; clients poll the status route (the job survives restarts: it is kept by id at Opper).
app.MapPost("/videos", async (GenerateVideo body, OpperVideoClient client, CancellationToken cancellationToken) =>
{
    if (string.IsNullOrWhiteSpace(body.Prompt))
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["prompt"] = ["Describe the clip, e.g. \"a hot air balloon at dawn\"."] });
    }

    var operation = await client.StartGenerationAsync(body.ToRequest(), cancellationToken);
    return Results.Accepted($"/videos/{operation.Id}", new { id = operation.Id, status = $"/videos/{operation.Id}" });
});

// Any instance can answer for any job: the operation is rehydrated from the id alone.
app.MapGet("/videos/{id}", async (string id, OpperVideoClient client, CancellationToken cancellationToken) =>
{
    var status = await client.GetGenerationOperation(id).UpdateStatusAsync(cancellationToken);
    return Results.Ok(new { id, state = status.State.ToString(), url = status.Url, error = status.Error });
});

// Waits for the job, then streams the clip straight from storage to the caller, without a temporary file.
app.MapGet("/videos/{id}/clip", async (string id, OpperVideoClient client, CancellationToken cancellationToken) =>
    Results.Stream(await client.GetGenerationOperation(id).OpenReadAsync(cancellationToken), "video/mp4", $"{id}.mp4"));

await app.RunAsync();
if (emulator is not null)
{
    await emulator.DisposeAsync();
}

/// <summary>The body of <c>POST /videos</c> and <c>POST /durable-videos</c>.</summary>
internal sealed record GenerateVideo(string? Prompt, int? Seconds)
{
    /// <summary>
    /// The caller's number arrives at run time, so the request is untyped and checked at run time, by the same rules the
    /// analyzer applies: Veo 3.1 Fast takes 4, 6 or 8 (a JSON number); anything else is refused before the paid POST
    /// with the field and the fix (a 400). Call it once the prompt is known to be there.
    /// </summary>
    public VideoRequest ToRequest() => new("vertexai/veo-3.1-fast-generate-001", Prompt!)
    {
        Parameters = { ["durationSeconds"] = Seconds ?? 4, ["resolution"] = "720p", ["aspectRatio"] = "16:9" },
    };
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
