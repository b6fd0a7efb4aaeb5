// Image to video from a local file: Sora animates first-frame.png (or the file you pass). The image is read,
// sniffed (PNG, JPEG, WebP…) and sent as a data-URI; Sora needs it at exactly the frame size asked for, which the
// client checks before the paid POST. With OPPER_API_KEY the real API, otherwise the local emulator (it says so).
//   dotnet run --project samples/ImageToVideo [-- path/to/1280x720.png]
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
    var request = new Sora2Request("the yellow square slowly rises like a sun")
    {
        Image = MediaInput.FromFile(image),   // a missing file, an unknown format or one over 20 MiB fails here, not at the provider
        Size = Sora2Size.Size1280x720,
        Seconds = Sora2Seconds.Seconds4,
    };
    // Under sample-output/, which .gitignore ignores: a run from the clone leaves nothing for git to list.
    var path = Path.Combine(Directory.CreateDirectory("sample-output").Name, "animated.mp4");
    var done = await client.GenerateToFileAsync(request, path);
    Console.WriteLine($"Saved {path} ({new FileInfo(path).Length:N0} bytes) from job {done.Id}.");
    return 0;
}
catch (Exception exception) when (exception is OpperException or FileNotFoundException or ArgumentException)
{
    // An image of another size, for example: "openai/sora-2: 'image' is 640x480 but 'size' is 1280x720. …"
    Console.Error.WriteLine(exception.Message);
    return 1;
}
