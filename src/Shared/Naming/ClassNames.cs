using System;
using Opper.Typed.Core.Text;

namespace Opper.Typed.Core.Naming
{
    /// <summary>
    /// The public naming rules of the generated types: class and property names here, enum member names in
    /// ClassNames.EnumMembers.cs. Only ASCII letters and digits survive, so a name is always a plain C# identifier.
    /// </summary>
    internal static partial class ClassNames
    {
        private static readonly char[] Separators = { '-', '.', '_', ':' };

        /// <summary><c>openai/sora-2</c> → <c>Sora2Request</c>; with the provider part on a collision, <c>PrunaWanT2vRequest</c>.</summary>
        public static string ClassName(string modelId, bool withProvider)
        {
            var slash = modelId.LastIndexOf('/');
            var name = Pascal(slash < 0 ? modelId : modelId.Substring(slash + 1));
            if (withProvider && slash > 0)
            {
                name = Pascal(modelId.Substring(0, slash)) + name;
            }

            return LeadingDigitGuard(name, "Model") + "Request";
        }

        /// <summary><c>aspect_ratio</c> → <c>AspectRatio</c>, <c>durationSeconds</c> → <c>DurationSeconds</c>.</summary>
        public static string PropertyName(string wireName) => LeadingDigitGuard(Pascal(wireName), "Parameter");

        /// <summary>Splits on <c>- . _ :</c>, upper-cases each piece's first letter, drops other characters.</summary>
        public static string Pascal(string text)
        {
            var builder = StringBuilderCache.Acquire(text.Length);
            var first = true;
            foreach (var c in text)
            {
                if (Array.IndexOf(Separators, c) >= 0)
                {
                    first = true;
                }
                else if (IsIdentifierPart(c))
                {
                    builder.Append(first ? char.ToUpperInvariant(c) : c);
                    first = false;
                }
            }

            return StringBuilderCache.GetStringAndRelease(builder);
        }

        private static string LeadingDigitGuard(string name, string prefix) =>
            name.Length == 0 || char.IsDigit(name[0]) ? prefix + name : name;

        internal static bool IsIdentifierPart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
