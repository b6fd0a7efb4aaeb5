namespace Opper.Typed;

/// <summary>
/// The file a download is written to before it is whole: a new, uniquely named file beside the destination, created
/// exclusively (never an existing file or a link someone left there), deleted on failure, renamed over the destination
/// on success. Two downloads to one path each have their own and cannot delete the other's.
/// </summary>
internal sealed class PartialFile : IAsyncDisposable
{
    private readonly string _destination;
    private bool _kept;

    private PartialFile(string destination, string path, FileStream stream)
    {
        _destination = destination;
        Path = path;
        Stream = stream;
    }

    public string Path { get; }

    public FileStream Stream { get; }

    /// <summary>Creates the file; a missing folder or a destination that is a folder is refused here, before any download.</summary>
    /// <param name="destination">The file the download becomes.</param>
    /// <param name="bufferSize">The file stream's buffer.</param>
    /// <param name="owner">
    /// Null for a name of its own (random). A durable job passes its key, so the retry of a download whose process was
    /// killed finds the killed attempt's file under the same name and replaces it instead of leaving it there for good.
    /// </param>
    public static PartialFile Create(string destination, int bufferSize, string? owner = null)
    {
        var full = System.IO.Path.GetFullPath(destination);
        CheckDestination(full);
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{owner ?? Guid.NewGuid().ToString("N")}.partial");
        if (owner is not null)
        {
            // Deleting a link removes the link, never its target; the new file is then created exclusively as always.
            File.Delete(path);
        }

        return new PartialFile(full, path, new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize, useAsync: true));
    }

    /// <summary>Throws when a file cannot be written at <paramref name="destination"/>: its folder is missing, or it is a folder.</summary>
    public static void CheckDestination(string destination)
    {
        var full = System.IO.Path.GetFullPath(destination);
        if (Directory.Exists(full))
        {
            throw new IOException($"'{full}' is a folder; pass a file path such as '{System.IO.Path.Combine(full, "clip.mp4")}'.");
        }

        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder of '{full}' does not exist; create it first (the download is written there only when whole).");
        }
    }

    /// <summary>Closes the file and moves it over the destination.</summary>
    public async Task CommitAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Move(Path, _destination, overwrite: true);
        _kept = true;
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (!_kept)
        {
            try
            {
                File.Delete(Path); // only this download's own file
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The download's own exception matters more than a leftover uniquely named temp file.
            }
        }
    }
}
