using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Testing;

/// <summary>
/// What a consuming net10.0 project compiles against: the test host's own framework assemblies plus Opper.Typed, never
/// the generator or the code fixes (a consumer loads those as analyzers, not as references).
/// </summary>
internal static class ConsumerReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("Opper.Typed", StringComparison.Ordinal))
            .Append(System.Reflection.Assembly.Load(new System.Reflection.AssemblyName("Opper.Typed")).Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
    ]);

    public static ImmutableArray<MetadataReference> All => Lazy.Value;
}
