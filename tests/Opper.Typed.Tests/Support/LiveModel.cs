namespace Opper.Typed.Tests.Support;

/// <summary>
/// The model a test sends to the emulator when the model itself is not what it tests. It must be a live one: OpenAI shut
/// Sora down on 2026-09-24, and the client refuses a retired model before anything is sent (OPPER011), so a test that
/// only needs "some job" names this one place rather than a model id of its own.
/// </summary>
internal static class LiveModel
{
    public const string Id = Veo31FastGenerate001Request.ModelId;

    /// <summary>An untyped request with no parameters: the emulator's 1-second 1280x720 clip.</summary>
    public static VideoRequest Request(string prompt = "a cat") => new(Id, prompt);
}
