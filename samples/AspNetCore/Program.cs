// A web app that starts generations, reports their status and streams the clips, with OpperVideoClient from
// dependency injection, configured from the "Opper" section (appsettings.json, user-secrets, --Opper:ApiKey=…),
// else OPPER_API_KEY. Without a key it runs against the local emulator (and says so at start-up).
//   POST /videos             {"prompt": "a hot air balloon at dawn"}  -> 202 {"id": "gen_…", "status": "/videos/gen_…"}
//   GET  /videos/{id}        -> {"id", "state", "url", "error"}
//   GET  /videos/{id}/clip   -> the MP4, streamed from Opper's storage once the job is done
using Opper.Typed;
using Opper.Typed.Emulator;

var builder = WebApplication.CreateSlimBuilder(args);
var opper = builder.Configuration.GetSection("Opper");
builder.Services.AddOpperVideos(opper);

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

// Starting a paid job returns at once; clients poll the status route (the job survives restarts: it is kept by id at Opper).
app.MapPost("/videos", async (GenerateVideo body, OpperVideoClient client, CancellationToken cancellationToken) =>
{
    var operation = await client.StartGenerationAsync(new Sora2Request(body.Prompt) { Size = Sora2Size.Size1280x720, Seconds = Sora2Seconds.Seconds4 }, cancellationToken);
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

internal sealed record GenerateVideo(string Prompt);

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
