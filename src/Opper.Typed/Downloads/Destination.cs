namespace Opper.Typed;

/// <summary>
/// Checks a destination file path before anything is paid for or waited on: a missing folder or a path that is a
/// folder would otherwise fail only after the job ran.
/// </summary>
internal static class Destination
{
    /// <param name="path">The destination file.</param>
    /// <param name="consequence">What the failure means for the caller, e.g. "Nothing was submitted".</param>
    /// <exception cref="ArgumentException">The path is empty, is a folder, or its folder does not exist.</exception>
    public static void ThrowIfUnusable(string path, string consequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new ArgumentException(
                $"'{fullPath}' is a folder; pass the path of a file in it, e.g. '{Path.Combine(fullPath, "clip.mp4")}'. {consequence}.", nameof(path));
        }

        var folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ArgumentException($"The folder '{folder}' does not exist; create it first (Directory.CreateDirectory). {consequence}.", nameof(path));
        }
    }
}
