// Generates clip.mp4 in the current directory: with the real Opper API when OPPER_API_KEY is set,
// otherwise against the local emulator started in-process (and says so first).
using Opper.Typed;
using Opper.Typed.Emulator;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

OpperEmulator? emulator = null;
OpperVideoClientOptions options;
if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OpperVideoClientOptions.ApiKeyVariable)))
{
    emulator = await OpperEmulator.StartAsync();
    Console.WriteLine($"No OPPER_API_KEY set: using the local Opper emulator at {emulator.BaseAddress} (set OPPER_API_KEY to call the real API).");
    options = emulator.CreateClientOptions();
}
else
{
    // Key and address are read from OPPER_API_KEY and OPPER_BASE_URL when the client is created.
    options = new OpperVideoClientOptions();
    var address = Environment.GetEnvironmentVariable(OpperVideoClientOptions.BaseAddressVariable);
    Console.WriteLine($"Using the Opper API at {(string.IsNullOrWhiteSpace(address) ? OpperVideoClientOptions.DefaultBaseAddress : address)}.");
}

await using (emulator)
{
    using var client = new OpperVideoClient(options);
    // Veo31FastGenerate001Request is generated from schema/videos-models.json: a duration Veo does not offer, or one sent
    // as a string, cannot compile. (OpenAI shut Sora's API down on 2026-09-24; its classes are [Obsolete].)
    var request = new Veo31FastGenerate001Request("a hot air balloon drifting over green hills at dawn")
    {
        DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
        Resolution = Veo31FastGenerate001Resolution.Resolution720p,
        AspectRatio = Veo31FastGenerate001AspectRatio.AspectRatio16x9,
    };

    var path = Path.Combine(Environment.CurrentDirectory, "clip.mp4");
    try
    {
        // The job is an object: keep operation.Id to resume it anywhere with client.GetGenerationOperation(id).
        var operation = await client.StartGenerationAsync(request, cancellation.Token);
        Console.WriteLine($"Submitted job {operation.Id} to {request.Model}");
        await operation.DownloadToFileAsync(path, new ConsoleProgress(), cancellation.Token);
        Console.WriteLine($"Saved {path} ({new FileInfo(path).Length:N0} bytes) from job {operation.Id}.");
    }
    catch (VideoGenerationCanceledException exception)
    {
        Console.Error.WriteLine(exception.Message); // names the job, which keeps running, and how to resume it
        return 130;
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("Cancelled before anything was sent; no file was written.");
        return 130;
    }
    catch (OpperException exception)
    {
        Console.Error.WriteLine(exception.Message);
        return 1;
    }
}

return 0;

/// <summary>Prints every report except the stream of download chunks (VideoProgress.ToString says what happened).</summary>
internal sealed class ConsoleProgress : IProgress<VideoProgress>
{
    public void Report(VideoProgress value)
    {
        if (value.Phase != VideoProgressPhase.Downloading)
        {
            Console.WriteLine(value);
        }
    }
}
