using Opper.Typed;

namespace TestingWithEmulator;

/// <summary>
/// Stands for your own code: a service that turns a film's title into a short vertical trailer clip, with the
/// <see cref="OpperVideoClient"/> your app registers (AddOpperVideos). Its tests below run it against the emulator.
/// </summary>
public sealed class TrailerService(OpperVideoClient client)
{
    /// <summary>Generates an 8-second 720x1280 trailer into <paramref name="folder"/> and returns its path.</summary>
    public async Task<string> MakeTrailerAsync(string title, string folder, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("A trailer needs a title.", nameof(title));
        }

        var path = Path.Combine(folder, $"{string.Concat(title.Split(Path.GetInvalidFileNameChars()))}.mp4");
        var request = new Veo31FastGenerate001Request($"a cinematic trailer for a film called \"{title}\"")
        {
            DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds8,
            Resolution = Veo31FastGenerate001Resolution.Resolution720p,
            AspectRatio = Veo31FastGenerate001AspectRatio.AspectRatio9x16,
        };
        await client.GenerateToFileAsync(request, path, cancellationToken: cancellationToken);
        return path;
    }
}
