namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>A folder of the test's own, deleted after it.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("opper-jobs-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file in it, hidden ones (a download's .partial) included.</summary>
    public string[] Names() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).ToArray()!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A worker process may still hold a file for a moment; the folder is in /tmp.
        }
    }
}
