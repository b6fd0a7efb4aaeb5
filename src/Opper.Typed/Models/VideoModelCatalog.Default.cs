using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Opper.Typed;

public sealed partial class VideoModelCatalog
{
    private static readonly ConcurrentQueue<(Assembly Assembly, Lazy<IVideoModelCatalog> Catalog)> Registered = new();

    /// <summary>The entry assembly; tests substitute their own to pin the precedence.</summary>
    internal static Func<Assembly?> EntryAssembly { get; set; } = Assembly.GetEntryAssembly;

    /// <summary>
    /// The read-only fallback for requests that name their model by id when no catalog is given: the generated catalogs
    /// of the assemblies loaded in this process. Precedence: the application's own (the entry assembly's) snapshot
    /// first, then the others in the order their assemblies loaded; the first that knows an id answers. Pass a catalog
    /// explicitly (<see cref="OpperVideoClientOptions.Models"/>, <see cref="VideoRequestValidator.Validate"/>) to decide
    /// for yourself.
    /// </summary>
    public static IVideoModelCatalog Default { get; } = new ProcessDefault();

    /// <summary>Called by the generated <c>OpperVideoModels</c> of each assembly when it loads; not for user code.</summary>
    /// <param name="assembly">The assembly the catalog was generated into.</param>
    /// <param name="catalog">Its catalog, created on first use.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void RegisterGenerated(Assembly assembly, Func<IVideoModelCatalog> catalog)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(catalog);
        Registered.Enqueue((assembly, new Lazy<IVideoModelCatalog>(catalog)));
    }

    /// <summary>The registered catalogs in precedence order, asked through the same first-that-knows rule as <see cref="Combine"/>.</summary>
    private sealed class ProcessDefault : IVideoModelCatalog
    {
        public IReadOnlyList<VideoModelSpec> Models => Current().Models;

        public bool TryGet(string id, [NotNullWhen(true)] out VideoModelSpec? model) => Current().TryGet(id, out model);

        // Assemblies keep loading and the entry assembly is only known at run time, so the combination is rebuilt when
        // either changed; otherwise the one built last answers (every untyped request looks its model up here).
        private static Snapshot? s_last;

        private static IVideoModelCatalog Current()
        {
            var entry = EntryAssembly();
            var count = Registered.Count;
            if (Volatile.Read(ref s_last) is { } last && last.Count == count && last.Entry == entry)
            {
                return last.Catalog;
            }

            return Rebuild(entry);
        }

        // Its own method: the lambdas capture the entry assembly, and a captured local costs an allocation on every call
        // of the method that declares it, the fast path's included.
        private static IVideoModelCatalog Rebuild(Assembly? entry)
        {
            var all = Registered.ToArray();
            var combined = Combine([.. all.Where(r => r.Assembly == entry).Concat(all.Where(r => r.Assembly != entry)).Select(r => r.Catalog.Value)]);
            Volatile.Write(ref s_last, new Snapshot(all.Length, entry, combined));
            return combined;
        }

        private sealed record Snapshot(int Count, Assembly? Entry, IVideoModelCatalog Catalog);
    }
}
