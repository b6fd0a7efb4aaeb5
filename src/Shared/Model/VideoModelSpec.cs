using System;
using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed
{
    /// <summary>
    /// What the SDK knows of one video model: capabilities, accepted media, typed parameters. Built from the catalog
    /// snapshot and <c>video-parameters.json</c> by the same code at build time (the generated <c>OpperVideoModels</c>)
    /// and at run time (<see cref="VideoModelCatalog.Parse"/>); the rules of validation, the analyzer and the emulator
    /// read it. Immutable, and equal when every fact is equal.
    /// </summary>
    sealed partial class VideoModelSpec : IEquatable<VideoModelSpec>
    {
        private string[] _capabilities = Array.Empty<string>();
        private MediaSourceKind[] _acceptedMedia = Array.Empty<MediaSourceKind>();
        private VideoParameterSpec[] _parameters = Array.Empty<VideoParameterSpec>();
        private string[] _referenceImagesNotWith = Array.Empty<string>();

        /// <summary>The model id, e.g. <c>openai/sora-2</c>.</summary>
        public string Id { get; init; } = "";

        /// <summary>The provider key, e.g. <c>openai</c>.</summary>
        public string Provider { get; init; } = "";

        /// <summary>The catalog's display name, e.g. <c>Sora 2</c>.</summary>
        public string DisplayName { get; init; } = "";

        /// <summary>The catalog's description.</summary>
        public string Description { get; init; } = "";

        /// <summary>The generated request class, e.g. <c>Sora2Request</c>.</summary>
        public string RequestTypeName { get; init; } = "";

        /// <summary>The catalog capabilities (see <see cref="VideoCapabilities"/>).</summary>
        public IReadOnlyList<string> Capabilities { get => _capabilities; init => _capabilities = value.ToArray(); }

        /// <summary>The media source kinds the provider accepts for <c>image</c> and <c>video</c>.</summary>
        public IReadOnlyList<MediaSourceKind> AcceptedMedia { get => _acceptedMedia; init => _acceptedMedia = value.ToArray(); }

        /// <summary>Whether URLs must be publicly fetchable by the provider's servers (no loopback, private or <c>.local</c> hosts).</summary>
        public bool PublicUrlsOnly { get; init; }

        /// <summary>A WIDTHxHEIGHT parameter that a data-URI image's pixel size must equal (Sora's <c>size</c>), if any.</summary>
        public string? ImageSizeParameter { get; init; }

        /// <summary>
        /// Whether the provider has a dialect in <c>video-parameters.json</c>, so <see cref="Parameters"/> is the complete
        /// list of keys the SDK checks. Without one, parameters go unchecked.
        /// </summary>
        public bool HasDialect { get; init; }

        /// <summary>The accepted parameters, in the dialect's order.</summary>
        public IReadOnlyList<VideoParameterSpec> Parameters { get => _parameters; init => _parameters = value.ToArray(); }

        /// <summary>The longest clip in seconds, when the catalog says.</summary>
        public double? MaxDuration { get; init; }

        /// <summary>The price per second of video in USD, when the catalog says.</summary>
        public double? PricePerSecond { get; init; }

        /// <summary>The price per generation in USD, when the catalog says.</summary>
        public double? PricePerGeneration { get; init; }

        /// <summary>When the model was retired, if it was.</summary>
        public string? RetiredAt { get; init; }

        /// <summary>The id of the model that replaces a retired one.</summary>
        public string? Successor { get; init; }

        /// <summary>The request class of <see cref="Successor"/>, when the snapshot has it.</summary>
        public string? SuccessorRequestTypeName { get; init; }

        /// <summary>The most reference images (<c>reference_images</c>) one request takes; 0 when the model takes none.</summary>
        public int MaxReferenceImages { get; init; }

        /// <summary>The inputs (<c>image</c>, <c>video</c>) that cannot be combined with reference images.</summary>
        public IReadOnlyList<string> ReferenceImagesNotWith { get => _referenceImagesNotWith; init => _referenceImagesNotWith = value.ToArray(); }

        /// <summary>The parameter holding the clip length that <see cref="ReferenceImagesMaxDuration"/> bounds, if any (xAI's <c>duration</c>).</summary>
        public string? ReferenceImagesDurationParameter { get; init; }

        /// <summary>The longest clip in seconds when reference images are given, if shorter than otherwise.</summary>
        public double? ReferenceImagesMaxDuration { get; init; }

        /// <summary>Whether the model takes <c>reference_images</c>.</summary>
        public bool TakesReferenceImages => MaxReferenceImages > 0;

        /// <summary>Whether the model takes <c>image</c> (image-to-video).</summary>
        public bool TakesImage => Capabilities.Contains(VideoCapabilities.ImageToVideo);

        /// <summary>Whether the model takes <c>video</c> (video editing).</summary>
        public bool TakesVideo => Capabilities.Contains(VideoCapabilities.VideoEditing);

        /// <summary>The parameter with this wire name, or null.</summary>
        /// <param name="name">The wire name, e.g. <c>durationSeconds</c>.</param>
        /// <returns>The parameter, or null when the model has none of that name.</returns>
        public VideoParameterSpec? FindParameter(string name)
        {
            foreach (var parameter in _parameters)
            {
                if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    return parameter;
                }
            }

            return null;
        }

        /// <inheritdoc />
        public bool Equals(VideoModelSpec? other) =>
            other is not null
            && (ReferenceEquals(this, other)
                || (Id == other.Id && Provider == other.Provider && DisplayName == other.DisplayName && Description == other.Description
                    && RequestTypeName == other.RequestTypeName && PublicUrlsOnly == other.PublicUrlsOnly
                    && ImageSizeParameter == other.ImageSizeParameter && HasDialect == other.HasDialect
                    && Nullable.Equals(MaxDuration, other.MaxDuration) && Nullable.Equals(PricePerSecond, other.PricePerSecond)
                    && Nullable.Equals(PricePerGeneration, other.PricePerGeneration) && RetiredAt == other.RetiredAt
                    && Successor == other.Successor && SuccessorRequestTypeName == other.SuccessorRequestTypeName
                    && _capabilities.SequenceEqual(other._capabilities) && _acceptedMedia.SequenceEqual(other._acceptedMedia)
                    && _parameters.SequenceEqual(other._parameters) && MaxReferenceImages == other.MaxReferenceImages
                    && _referenceImagesNotWith.SequenceEqual(other._referenceImagesNotWith)
                    && ReferenceImagesDurationParameter == other.ReferenceImagesDurationParameter
                    && Nullable.Equals(ReferenceImagesMaxDuration, other.ReferenceImagesMaxDuration)));

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as VideoModelSpec);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id) ^ _parameters.Length;

        /// <inheritdoc />
        public override string ToString() => Id;
    }
}
