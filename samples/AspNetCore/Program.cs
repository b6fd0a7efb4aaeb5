// A web app that starts generations and reports their status, with OpperVideoClient from dependency injection.
// Without OPPER_API_KEY it runs against the local emulator (and says so at start-up).
//   POST /videos          {"prompt": "a hot air balloon at dawn"}  -> 202 {"id": "gen_…", "status": "/videos/gen_…"}
//   GET  /videos/{id}     -> {"id", "state", "url"}
using Opper.Typed;
using Opper.Typed.Emulator;

var builder = WebApplication.CreateSlimBuilder(args);
OpperEmulator? emulator = null;
if (string.IsNullOrWhiteSpace(builder.Configuration[OpperVideoClientOptions.ApiKeyVariable]))
{
    emulator = await OpperEmulator.StartAsync();
    Console.WriteLine($"No OPPER_API_KEY set: using the local Opper emulator at {emulator.BaseAddress}.");
}

builder.Services.AddOpperVideos(options =>
{
    if (emulator is not null)
    {
        options.BaseAddress = emulator.BaseAddress;
        options.ApiKey = emulator.ApiKey;
    }
});

var app = builder.Build();

// Starting a paid job returns at once; clients poll the status route (the job survives restarts: it is kept by id at Opper).
app.MapPost("/videos", async (GenerateVideo body, OpperVideoClient client, CancellationToken cancellationToken) =>
{
    var job = await client.SubmitAsync(new Sora2Request(body.Prompt) { Size = Sora2Size.Size1280x720, Seconds = Sora2Seconds.Seconds4 }, cancellationToken);
    return Results.Accepted($"/videos/{job.Id}", new { id = job.Id, status = $"/videos/{job.Id}" });
});

app.MapGet("/videos/{id}", async (string id, OpperVideoClient client, CancellationToken cancellationToken) =>
{
    var status = await client.GetStatusAsync(id, cancellationToken);
    return Results.Ok(new { id, state = status.State.ToString(), url = status.Url, error = status.Error });
});

await app.RunAsync();
if (emulator is not null)
{
    await emulator.DisposeAsync();
}

internal sealed record GenerateVideo(string Prompt);
