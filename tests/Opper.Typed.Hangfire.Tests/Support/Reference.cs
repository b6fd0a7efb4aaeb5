using Opper.Typed.Emulator;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>
/// The clip the plain client gets for a request, from an emulator of its own (its clips depend on the request alone):
/// the bytes a durable job must deliver too, without a request in the test's own emulator.
/// </summary>
internal static class Reference
{
    public static async Task<byte[]> ClipAsync(IVideoRequest request)
    {
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.Zero });
        var options = emulator.CreateClientOptions();
        DurableHost.Fast(options);
        using var client = new OpperVideoClient(options);
        var path = Path.Combine(Path.GetTempPath(), $"opper-reference-{Guid.NewGuid():N}.mp4");
        try
        {
            await client.GenerateToFileAsync(request, path);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
