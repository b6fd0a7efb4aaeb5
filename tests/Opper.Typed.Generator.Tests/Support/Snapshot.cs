using System.Text.Json.Nodes;

namespace Opper.Typed.Generator.Tests.Support;

/// <summary>Edits of the checked-in catalog snapshot, as a team refreshing it would see them.</summary>
internal static class Snapshot
{
    public static JsonObject Default() => JsonNode.Parse(GeneratorHarness.SchemaText("videos-models.json"))!.AsObject();

    public static JsonArray Models(this JsonObject catalog) => catalog["models"]!.AsArray();

    public static JsonObject Model(this JsonObject catalog, string id) =>
        catalog.Models().Select(m => m!.AsObject()).Single(m => (string?)m["id"] == id);

    /// <summary>A copy of an existing model under a new id (every required field present).</summary>
    public static JsonObject AddCopy(this JsonObject catalog, string fromId, string newId, Action<JsonObject>? edit = null)
    {
        var copy = catalog.Model(fromId).DeepClone().AsObject();
        copy["id"] = newId;
        copy["model_id"] = newId[(newId.LastIndexOf('/') + 1)..];
        edit?.Invoke(copy);
        catalog.Models().Add(copy);
        return catalog;
    }

    public static TestFile[] Files(this JsonObject catalog) => GeneratorHarness.DefaultFiles(catalog.ToJsonString());
}
