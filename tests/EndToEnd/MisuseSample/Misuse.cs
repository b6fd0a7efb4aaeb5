using Opper.Typed;

namespace MisuseSample;

// Each line marked with its rule must get exactly that warning in `dotnet build`; unmarked lines must get none.
public static class Misuse
{
    public static IVideoRequest[] Requests() =>
    [
        new Veo31Generate001Request("a cat") { Image = "https://example.com/cat.jpg" }, // OPPER001
        new WanI2vRequest("a cat") { Image = "data:image/png;base64,iVBORw0KGgo=" }, // OPPER001
        new GrokImagineVideoRequest("a cat") { Image = "http://localhost:5000/cat.jpg" }, // OPPER002
        new VideoRequest("vertexai/veo-3.1-fast-generate-001", "a cat") { Parameters = { ["durationSeconds"] = "4" } }, // OPPER006
        new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Parameters = { ["duration_seconds"] = 4 } }, // OPPER005
        new VideoRequest("openai/sora-3", "a cat"), // OPPER003
        new GrokImagineVideoRequest("a cat") { Duration = 30 }, // OPPER007
        new VideoRequest("openai/sora-2", "a cat"), // OPPER011
        new GrokImagineVideoRequest("a cat") { Duration = 12, ReferenceImages = { "file_abc123" } }, // OPPER014
        new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds8, ReferenceImages = { "file_abc123" } },
        new WanI2vRequest("a cat") { Image = "file_abc123" },
        new WanI2vRequest("a cat") { Image = MediaInput.FromFile("cat.png") },
        new GrokImagineVideoRequest("a cat") { Image = "https://example.com/cat.jpg", Duration = 6 },
    ];

    public static OpperVideoClientOptions Options() => new() { ApiKey = "op-live-0123456789" }; // OPPER009
}
