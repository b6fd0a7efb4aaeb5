using System.Collections.Immutable;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Diagnostics
{
    /// <summary>Properties every rule diagnostic carries: the wire field it concerns (as in <c>OpperValidationException.Field</c>), plus the rule's hints for code fixes.</summary>
    internal static class DiagnosticProperties
    {
        public const string Field = "Field";

        public static ImmutableDictionary<string, string?> For(RuleViolation violation)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(Field, violation.Field);
            foreach (var hint in violation.Hints)
            {
                properties = properties.SetItem(hint.Key, hint.Value);
            }

            return properties;
        }
    }
}
