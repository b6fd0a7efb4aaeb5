namespace Opper.Typed.Testing;

/// <summary>Finds the repository from a test or benchmark binary (linked into each project that needs it).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Schema(string name) => Path.Combine(Root, "schema", name);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Opper.Typed.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Opper.Typed.sln not found above the binaries: run from inside the repository.");
    }
}
