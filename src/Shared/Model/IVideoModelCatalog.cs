using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Opper.Typed
{
    /// <summary>
    /// A set of video models to validate requests against: the generated <c>OpperVideoModels.Catalog</c> of your project,
    /// a snapshot read at run time with <see cref="VideoModelCatalog.Parse"/>, or your own.
    /// </summary>
    partial interface IVideoModelCatalog
    {
        /// <summary>Every model, in the snapshot's order.</summary>
        IReadOnlyList<VideoModelSpec> Models { get; }

        /// <summary>Looks a model up by id.</summary>
        /// <param name="id">The model id, e.g. <c>openai/sora-2</c>.</param>
        /// <param name="model">The model, when known.</param>
        /// <returns>Whether the catalog has the id.</returns>
        bool TryGet(string id, [NotNullWhen(true)] out VideoModelSpec? model);
    }
}
