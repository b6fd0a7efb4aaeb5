namespace Opper.Typed.Cli.Jobs;

/// <summary>
/// Checks <c>--out</c> before anything is paid for: a file path (not a folder) in a folder that exists and can be
/// written. A wrong path found only after the job ran would waste it.
/// </summary>
internal static class OutputPath
{
    /// <returns>The full path, or null with the problem added in command-line words.</returns>
    public static string? Check(string value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add("--out: give the path of the file to write, e.g. --out clip.mp4.");
            return null;
        }

        var full = Path.GetFullPath(value);
        var folder = Path.GetDirectoryName(full) ?? full;
        if (Directory.Exists(full))
        {
            problems.Add($"--out {value}: is a folder; give a file in it, e.g. --out {Path.Combine(value, "clip.mp4")}.");
            return null;
        }

        if (!Directory.Exists(folder))
        {
            // mkdir -p cannot make a folder where a file of that name is: say what is in the way instead.
            problems.Add(FileInTheWay(folder) is { } file
                ? $"--out {value}: {file} is a file, not a folder; give a path in a folder, e.g. --out {Path.Combine(Path.GetDirectoryName(file) ?? ".", "clip.mp4")}."
                : $"--out {value}: the folder {folder} does not exist; create it first (mkdir -p {folder}).");
            return null;
        }

        try
        {
            // Proves the folder takes new files (permissions, read-only mounts) without leaving one behind.
            using var probe = new FileStream(
                Path.Combine(folder, $".opper-typed-{Guid.NewGuid():N}.probe"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return full;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"--out {value}: cannot write in {folder} ({exception.Message}).");
            return null;
        }
    }

    /// <summary>The nearest part of <paramref name="folder"/>'s path that exists as a file, or null when the nearest existing part is a folder.</summary>
    private static string? FileInTheWay(string folder)
    {
        for (var part = folder; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return part;
            }

            if (Directory.Exists(part))
            {
                return null;
            }
        }

        return null;
    }
}
