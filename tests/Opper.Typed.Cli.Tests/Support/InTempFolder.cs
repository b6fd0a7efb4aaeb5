namespace Opper.Typed.Cli.Tests.Support;

/// <summary>A test class whose tests write into a folder of their own, removed afterwards.</summary>
public abstract class InTempFolder : IDisposable
{
    /// <summary>The folder, empty when each test starts (xunit makes a new instance per test).</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("opper-typed-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
