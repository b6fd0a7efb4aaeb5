using Opper.Typed.Core.Snapshot;

namespace Opper.Typed.Generator.Pipeline
{
    /// <summary>An input file with its role (<c>catalog</c> or <c>parameters</c>), compared by value.</summary>
    internal sealed record InputFile(string Role, string Path, string Text)
    {
        public SnapshotText ToSnapshotText() => new SnapshotText(Path, Text);
    }

    /// <summary>Project-wide options read from MSBuild properties.</summary>
    internal sealed record GeneratorOptions(bool PublicTypes, bool RegisterModels = true);

    /// <summary>One model to emit with the project's options: the unit the generator caches and writes one file for.</summary>
    internal sealed record ModelToEmit(VideoModelSpec Model, GeneratorOptions Options);
}
