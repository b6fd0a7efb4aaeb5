using System.Collections.Immutable;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>Properties every diagnostic carries: the wire field it concerns (as in OpperValidationException.Field), plus rule extras.</summary>
    internal static class DiagnosticProperties
    {
        public const string Field = "Field";

        public static ImmutableDictionary<string, string?> For(string field, string? extraKey = null, string? extraValue = null)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(Field, field);
            return extraKey is null || extraValue is null ? properties : properties.Add(extraKey, extraValue);
        }
    }
}
