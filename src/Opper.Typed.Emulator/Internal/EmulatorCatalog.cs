using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>The catalog snapshot the emulator serves: raw JSON per model (so unknown fields survive) plus typed views.</summary>
internal sealed class EmulatorCatalog
{
    private readonly List<(JsonObject Raw, VideoModelInfo Info)> _models;

    private EmulatorCatalog(List<(JsonObject, VideoModelInfo)> models, IVideoModelCatalog rules)
    {
        _models = models;
        Rules = rules;
    }

    /// <summary>
    /// The provider rules the emulator enforces: the given catalog, else the process default (the application's own
    /// generated snapshot) before the served snapshot read with the built-in parameters file, by the same reader the
    /// generator uses. So every served model has rules, and the application's own snapshot wins where it has the model.
    /// </summary>
    public IVideoModelCatalog Rules { get; }

    public static EmulatorCatalog Load(string? path, IVideoModelCatalog? rules)
    {
        var json = path is null ? Resource("videos-models.json") : File.ReadAllText(path);

        var models = new List<(JsonObject, VideoModelInfo)>();
        var array = JsonNode.Parse(json)?["models"] as JsonArray
            ?? throw new InvalidDataException($"Catalog {path ?? "(built-in)"} has no \"models\" array.");
        var infos = VideoModelList.Parse(json).Models;
        for (var i = 0; i < array.Count; i++)
        {
            var node = array[i] as JsonObject ?? throw new InvalidDataException($"Catalog {path ?? "(built-in)"} has a model that is not an object.");
            models.Add((node, infos[i]));
        }

        return new EmulatorCatalog(models, rules ?? VideoModelCatalog.Combine(VideoModelCatalog.Default, VideoModelCatalog.Parse(json, Resource("video-parameters.json"))));
    }

    private static string Resource(string name)
    {
        using var stream = typeof(EmulatorCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The emulator's built-in {name} is missing from its assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public VideoModelInfo? Find(string id) => _models.FirstOrDefault(m => m.Info.Id == id).Info;

    public IEnumerable<string> Ids => _models.Select(m => m.Info.Id);

    public JsonObject Page(string? query, string? capability, int offset, int limit)
    {
        var matches = _models
            .Where(m => capability is null || m.Info.Capabilities.Contains(capability))
            .Where(m => query is null
                || m.Info.Id.Contains(query, StringComparison.OrdinalIgnoreCase)
                || (m.Info.Name?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        var page = new JsonArray(matches.Skip(offset).Take(limit).Select(m => (JsonNode)m.Raw.DeepClone()).ToArray());
        return new JsonObject { ["models"] = page, ["total"] = matches.Count, ["offset"] = offset, ["limit"] = limit };
    }
}
