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
    options = new OpperVideoClientOptions();
    Console.WriteLine($"Using the Opper API at {options.BaseAddress}.");
}

await using (emulator)
{
    using var client = new OpperVideoClient(options);
    // Sora2Request is generated from schema/videos-models.json: a wrong size or a seconds value sent as a number cannot compile.
    var request = new Sora2Request("a hot air balloon drifting over green hills at dawn")
    {
        Size = Sora2Size.Size1280x720,
        Seconds = Sora2Seconds.Seconds4,
    };

    var path = Path.Combine(Environment.CurrentDirectory, "clip.mp4");
    try
    {
        var done = await client.GenerateToFileAsync(request, path, new ConsoleProgress(), cancellation.Token);
        Console.WriteLine($"Saved {path} ({new FileInfo(path).Length:N0} bytes) from job {done.Id}.");
    }
    catch (OpperException exception)
    {
        Console.Error.WriteLine(exception.Message);
        return 1;
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("Cancelled; no file was written.");
        return 130;
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
