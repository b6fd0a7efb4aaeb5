namespace Opper.Typed.Tests.Support;

/// <summary>Reports inline, in order (Progress&lt;T&gt; posts to the thread pool and may reorder).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
