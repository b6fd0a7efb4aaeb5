using System;
using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed
{
    /// <summary>One accepted parameter of a model: its wire name, JSON type, and accepted values or range.</summary>
    sealed partial class VideoParameterSpec : IEquatable<VideoParameterSpec>
    {
        private VideoParameterValue[] _allowedValues = Array.Empty<VideoParameterValue>();

        /// <summary>The wire name, e.g. <c>durationSeconds</c>.</summary>
        public string Name { get; init; } = "";

        /// <summary>The property of the generated request class, e.g. <c>DurationSeconds</c>.</summary>
        public string PropertyName { get; init; } = "";

        /// <summary>The JSON type it must be sent as.</summary>
        public VideoParameterType Type { get; init; }

        /// <summary>The generated enum of the accepted values, e.g. <c>Sora2Seconds</c>; null when any value of the type goes.</summary>
        public string? EnumTypeName { get; init; }

        /// <summary>The accepted values; empty when any value of the type (within the range) goes.</summary>
        public IReadOnlyList<VideoParameterValue> AllowedValues { get => _allowedValues; init => _allowedValues = value.ToArray(); }

        /// <summary>The smallest accepted number, if bounded.</summary>
        public double? Minimum { get; init; }

        /// <summary>The largest accepted number, if bounded.</summary>
        public double? Maximum { get; init; }

        /// <summary>What the parameter does, from <c>video-parameters.json</c>.</summary>
        public string? Description { get; init; }

        /// <inheritdoc />
        public bool Equals(VideoParameterSpec? other) =>
            other is not null
            && (ReferenceEquals(this, other)
                || (Name == other.Name && PropertyName == other.PropertyName && Type == other.Type && EnumTypeName == other.EnumTypeName
                    && Nullable.Equals(Minimum, other.Minimum) && Nullable.Equals(Maximum, other.Maximum) && Description == other.Description
                    && _allowedValues.SequenceEqual(other._allowedValues)));

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as VideoParameterSpec);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name) ^ (int)Type;

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
