namespace Opper.Typed.Core.Snapshot
{
    /// <summary>An input file's path and text, compared by value (the generator's pipeline caches on it).</summary>
    internal sealed record SnapshotText(string Path, string Text);
}
