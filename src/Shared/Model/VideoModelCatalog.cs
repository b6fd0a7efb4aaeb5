using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Opper.Typed.Core.Snapshot;

namespace Opper.Typed
{
    /// <summary>An immutable <see cref="IVideoModelCatalog"/>: generated for your project, or read from snapshot files at run time.</summary>
    sealed partial class VideoModelCatalog : IVideoModelCatalog
    {
        private readonly VideoModelSpec[] _models;
        private readonly Dictionary<string, VideoModelSpec> _byId;

        /// <summary>A catalog of the given models.</summary>
        /// <param name="models">The models; ids must be distinct.</param>
        /// <exception cref="ArgumentException">Two models share an id.</exception>
        public VideoModelCatalog(IEnumerable<VideoModelSpec> models)
        {
            _models = (models ?? throw new ArgumentNullException(nameof(models))).ToArray();
            _byId = new Dictionary<string, VideoModelSpec>(_models.Length, StringComparer.Ordinal);
            foreach (var model in _models)
            {
                if (model is null)
                {
                    throw new ArgumentException("A model of the catalog is null.", nameof(models));
                }

                if (_byId.ContainsKey(model.Id))
                {
                    throw new ArgumentException($"The model id '{model.Id}' appears twice; a catalog holds each id once.", nameof(models));
                }

                _byId.Add(model.Id, model);
            }
        }

        /// <summary>A catalog with no models: every request is sent unchecked.</summary>
        public static VideoModelCatalog Empty { get; } = new VideoModelCatalog(Array.Empty<VideoModelSpec>());

        /// <inheritdoc />
        public IReadOnlyList<VideoModelSpec> Models => _models;

        /// <inheritdoc />
        public bool TryGet(string id, [NotNullWhen(true)] out VideoModelSpec? model)
        {
            if (id is null)
            {
                model = null;
                return false;
            }

            return _byId.TryGetValue(id, out model);
        }

        /// <summary>
        /// Reads a catalog snapshot (the body of <c>GET /v3/videos/models</c>) and, optionally, a <c>video-parameters.json</c>,
        /// exactly as the source generator does at build time: the same models, names, parameters and rules.
        /// </summary>
        /// <param name="catalogJson">The catalog snapshot's text.</param>
        /// <param name="parametersJson">The parameters file's text; without it no model has typed parameters.</param>
        /// <returns>The catalog. Models the generator would skip (a missing field) are skipped here too.</returns>
        /// <exception cref="FormatException">A file is not JSON or not of the expected shape; the message names the file, line and column.</exception>
        public static VideoModelCatalog Parse(string catalogJson, string? parametersJson = null)
        {
            if (catalogJson is null)
            {
                throw new ArgumentNullException(nameof(catalogJson));
            }

            var result = SnapshotReader.Read(new SnapshotText("catalog", catalogJson), parametersJson is null ? null : new SnapshotText("parameters", parametersJson));
            var errors = result.Problems.Where(p => p.Kind.IsError).ToList();
            if (errors.Count > 0)
            {
                throw new FormatException(string.Join("\n", errors.Select(e => $"{e.Id}: {e.Message}")));
            }

            return new VideoModelCatalog(result.Models);
        }

        /// <summary>A catalog that asks each given catalog in turn: the first that knows an id answers.</summary>
        /// <param name="catalogs">The catalogs, most important first.</param>
        /// <returns>The combined catalog.</returns>
        public static IVideoModelCatalog Combine(params IVideoModelCatalog[] catalogs) =>
            new CombinedCatalog((catalogs ?? throw new ArgumentNullException(nameof(catalogs))).ToArray());

        private sealed class CombinedCatalog : IVideoModelCatalog
        {
            private readonly IVideoModelCatalog[] _catalogs;

            public CombinedCatalog(IVideoModelCatalog[] catalogs) => _catalogs = catalogs;

            public IReadOnlyList<VideoModelSpec> Models =>
                _catalogs.SelectMany(c => c.Models).GroupBy(m => m.Id, StringComparer.Ordinal).Select(g => g.First()).ToArray();

            public bool TryGet(string id, [NotNullWhen(true)] out VideoModelSpec? model)
            {
                foreach (var catalog in _catalogs)
                {
                    if (catalog.TryGet(id, out model))
                    {
                        return true;
                    }
                }

                model = null;
                return false;
            }
        }
    }
}
