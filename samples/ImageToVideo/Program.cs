// Image to video from a local file: Veo 3.1 Fast animates first-frame.png (or the file you pass). The image is read,
// sniffed (PNG, JPEG, WebP…) and sent as a data-URI, a form Veo takes (it never fetches an http URL); a file that is
// not an image is refused before the paid POST. With OPPER_API_KEY the real API, otherwise the local emulator (it says so).
//   dotnet run --project samples/ImageToVideo [-- path/to/image.png]
using Opper.Typed;
using Opper.Typed.Emulator;

var image = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "first-frame.png");
await using var emulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OpperVideoClientOptions.ApiKeyVariable))
    ? await OpperEmulator.StartAsync()
    : null;
Console.WriteLine(emulator is null ? "Using the Opper API." : $"No OPPER_API_KEY set: using the local Opper emulator at {emulator.BaseAddress}.");
using var client = new OpperVideoClient(emulator?.CreateClientOptions() ?? new OpperVideoClientOptions());

try
{
    var request = new Veo31FastGenerate001Request("the yellow square slowly rises like a sun")
    {
        Image = MediaInput.FromFile(image),   // a missing file, an unknown format or one over 20 MiB fails here, not at the provider
        DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
        Resolution = Veo31FastGenerate001Resolution.Resolution720p,
        AspectRatio = Veo31FastGenerate001AspectRatio.AspectRatio16x9,
    };
    // Under sample-output/, which .gitignore ignores: a run from the clone leaves nothing for git to list.
    var path = Path.Combine(Directory.CreateDirectory("sample-output").Name, "animated.mp4");
    var done = await client.GenerateToFileAsync(request, path);
    Console.WriteLine($"Saved {path} ({new FileInfo(path).Length:N0} bytes) from job {done.Id} ({request.Model}).");
    return 0;
}
catch (Exception exception) when (exception is OpperException or FileNotFoundException or ArgumentException)
{
    // A file that is not an image, for example: "File 'notes.txt' is not a PNG, JPEG, WebP, GIF, MP4 or WebM; …"
    Console.Error.WriteLine(exception.Message);
    return 1;
}
