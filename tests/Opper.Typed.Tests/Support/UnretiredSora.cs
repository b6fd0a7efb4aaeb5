using System.Text.Json.Nodes;
using Opper.Typed.Testing;

namespace Opper.Typed.Tests.Support;

/// <summary>
/// The checked-in snapshot with Sora's <c>retired_at</c> taken out. OpenAI shut Sora down on 2026-09-24, so the client
/// and the emulator refuse it (OPPER011) before any other rule speaks. Its dialect is still the only one with a string
/// duration (<c>"seconds": "4"</c>), a size table and an image-size rule (OPPER008), so the tests of those rules give
/// this catalog to the client (<see cref="OpperVideoClientOptions.Models"/>, for untyped requests) and the emulator.
/// RetiredModelTests is where the retirement itself is tested.
/// </summary>
internal static class UnretiredSora
{
    public static VideoModelCatalog Catalog { get; } = Load();

    private static VideoModelCatalog Load()
    {
        var snapshot = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema("videos-models.json")))!;
        foreach (var model in snapshot["models"]!.AsArray())
        {
            model!.AsObject().Remove("retired_at");
        }

        return VideoModelCatalog.Parse(snapshot.ToJsonString(), File.ReadAllText(RepositoryPaths.Schema("video-parameters.json")));
    }
}
