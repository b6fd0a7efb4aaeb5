namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>Many different cheap requests for the many-jobs tests: "clip number 7", its POST told apart by its prompt.</summary>
internal static class NumberedClips
{
    public static Veo31FastGenerate001Request Request(int i) => new(Prompt(i))
    {
        DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
        Resolution = Veo31FastGenerate001Resolution.Resolution720p,
    };

    /// <summary>Whether a recorded POST body is clip <paramref name="i"/>'s (the quotes keep clip 1 from matching clip 10).</summary>
    public static bool IsPostOf(string body, int i) => body.Contains($"\"{Prompt(i)}\"", StringComparison.Ordinal);

    private static string Prompt(int i) => $"clip number {i}";
}
