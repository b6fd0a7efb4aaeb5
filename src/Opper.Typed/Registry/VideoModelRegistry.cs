using System.Collections.Concurrent;

namespace Opper.Typed;

/// <summary>
/// The models known to this process. Each generated model registers itself from a module initializer of the
/// assembly that consumes Opper.Typed, so the registry is filled before any user code runs.
/// </summary>
public static class VideoModelRegistry
{
    private static readonly ConcurrentDictionary<string, VideoModelSpec> Models = new(StringComparer.Ordinal);

    /// <summary>Every registered model.</summary>
    public static IReadOnlyCollection<VideoModelSpec> All => Models.Values.ToArray();

    /// <summary>Registers a model (a later registration of the same id replaces the earlier one).</summary>
    /// <param name="model">The model.</param>
    public static void Register(VideoModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Models[model.Id] = model;
    }

    /// <summary>Looks a model up by id.</summary>
    /// <param name="id">The model id.</param>
    /// <param name="model">The model, when known.</param>
    /// <returns>Whether the id is known.</returns>
    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VideoModelSpec? model) =>
        Models.TryGetValue(id, out model);
}
