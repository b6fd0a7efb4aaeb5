using Opper.Typed.Testing;

namespace Opper.Typed.Package.Tests;

/// <summary>The packages packed once, in Release, for every test that consumes them (packing is most of their time).</summary>
public sealed class PackedFeed : IDisposable
{
    internal LocalFeed Feed { get; } = LocalFeed.Pack("Release", noBuild: false, "src/Opper.Typed", "src/Opper.Typed.Emulator", "src/Opper.Typed.Hangfire");

    public void Dispose() => Feed.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackedPackages : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed packages";
}
