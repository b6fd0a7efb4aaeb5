using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Opper.Typed.Generator.Parser
{
    /// <summary>The public naming rules of DESIGN.md: class, property, enum and enum member names.</summary>
    internal static class Naming
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

        /// <summary>
        /// An enum member for a value: PascalCase; a value starting with a digit takes the property name as prefix,
        /// with <c>:</c> as <c>x</c> and <c>.</c> as <c>_</c> (<c>16:9</c> → <c>AspectRatio16x9</c>). Null when no identifier results.
        /// </summary>
        public static string? EnumMemberName(string value, string propertyName)
        {
            string name;
            if (value.Length > 0 && char.IsDigit(value[0]))
            {
                var builder = new StringBuilder(propertyName);
                foreach (var c in value)
                {
                    if (c == ':')
                    {
                        builder.Append('x');
                    }
                    else if (c == '.' || c == '_' || c == '-')
                    {
                        builder.Append('_');
                    }
                    else if (IsIdentifierPart(c))
                    {
                        builder.Append(c);
                    }
                }

                name = builder.ToString();
                if (name.Length == propertyName.Length)
                {
                    return null;
                }
            }
            else
            {
                name = Pascal(value);
            }

            return name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : null;
        }

        /// <summary>Splits on <c>- . _ :</c>, upper-cases each piece's first letter, drops other characters.</summary>
        public static string Pascal(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var piece in text.Split(Separators))
            {
                var first = true;
                foreach (var c in piece)
                {
                    if (!IsIdentifierPart(c))
                    {
                        continue;
                    }

                    builder.Append(first ? char.ToUpperInvariant(c) : c);
                    first = false;
                }
            }

            return builder.ToString();
        }

        private static string LeadingDigitGuard(string name, string prefix) =>
            name.Length == 0 || char.IsDigit(name[0]) ? prefix + name : name;

        private static bool IsIdentifierPart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
