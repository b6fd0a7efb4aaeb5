using Opper.Typed.Testing;

namespace Opper.Typed.Tests.Hosting;

/// <summary>The public surface is listed in src/Opper.Typed/PublicAPI.*.txt (the analyzer keeps it exact at build time).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_listing_exists_has_the_operation_and_no_Refit_type()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "Opper.Typed");
        var listing = File.ReadAllText(Path.Combine(folder, "PublicAPI.Shipped.txt")) + File.ReadAllText(Path.Combine(folder, "PublicAPI.Unshipped.txt"));

        Assert.DoesNotContain("Refit", listing, StringComparison.Ordinal);
        Assert.Contains("Opper.Typed.OpperVideoClient.StartGenerationAsync(", listing, StringComparison.Ordinal);
        Assert.Contains("Opper.Typed.VideoGenerationOperation.OpenReadAsync(", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("Refit", string.Join("\n", typeof(OpperVideoClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers()).Select(m => m.ToString())), StringComparison.Ordinal);
    }
}
