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

    /// <summary>
    /// The models as if not retired: Sora was shut down on 2026-09-24, but its dialect (seconds as a string, sizes, the
    /// image-size rule) still teaches the rules something, which tests check on a catalog of their own.
    /// </summary>
    public static JsonObject Unretire(this JsonObject catalog, params string[] ids)
    {
        foreach (var id in ids)
        {
            catalog.Model(id).Remove("retired_at");
        }

        return catalog;
    }

    /// <summary>The checked-in snapshot with Sora live again (see <see cref="Unretire"/>).</summary>
    public static JsonObject WithLiveSora() => Default().Unretire("openai/sora-2", "openai/sora-2-pro");

    /// <summary>
    /// The analyzer and code-fix tests' own catalog: <see cref="WithLiveSora"/>, so a case about Sora's dialect draws only
    /// the rule it is about. Tests of the checked-in snapshot itself pass <see cref="GeneratorHarness.DefaultFiles"/>.
    /// </summary>
    public static TestFile[] LiveSoraFiles { get; } = WithLiveSora().Files();

    public static TestFile[] Files(this JsonObject catalog) => GeneratorHarness.DefaultFiles(catalog.ToJsonString());
}
