using System;
using Opper.Typed.Core.Rules;

namespace Opper.Typed
{
    /// <summary>One accepted value of a parameter: what goes on the wire and the generated enum member that sends it.</summary>
    sealed partial class VideoParameterValue : IEquatable<VideoParameterValue>
    {
        private VideoParameterValue(JsonLiteral literal, string memberName)
        {
            Literal = literal;
            MemberName = memberName;
            JsonText = literal.ToJson();
        }

        /// <summary>The value as JSON text: <c>"4"</c> with quotes for a string, <c>4</c> for a number.</summary>
        /// <remarks>Made once: every message, tooltip and generated file that lists the values reads it.</remarks>
        public string JsonText { get; }

        /// <summary>The member of the generated enum, e.g. <c>Seconds4</c>.</summary>
        public string MemberName { get; }

        /// <summary>The value as the rules compare it; parsed once, here, not per request.</summary>
        internal JsonLiteral Literal { get; }

        /// <summary>A string value.</summary>
        /// <param name="value">The string, e.g. <c>1280x720</c>.</param>
        /// <param name="memberName">The enum member that sends it.</param>
        /// <returns>The value.</returns>
        public static VideoParameterValue FromString(string value, string memberName) =>
            new VideoParameterValue(JsonLiteral.FromString(value ?? throw new ArgumentNullException(nameof(value))), memberName ?? "");

        /// <summary>A number value.</summary>
        /// <param name="value">The number.</param>
        /// <param name="memberName">The enum member that sends it.</param>
        /// <returns>The value.</returns>
        public static VideoParameterValue FromNumber(double value, string memberName) =>
            new VideoParameterValue(JsonLiteral.FromNumber(value), memberName ?? "");

        /// <inheritdoc />
        public bool Equals(VideoParameterValue? other) => other is not null && Literal.Equals(other.Literal) && MemberName == other.MemberName;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as VideoParameterValue);

        /// <inheritdoc />
        public override int GetHashCode() => Literal.GetHashCode();

        /// <inheritdoc />
        public override string ToString() => JsonText;

        internal double? Number => Literal.Number;
    }
}
