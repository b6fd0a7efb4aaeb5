using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Opper.Typed.Generator.Parser
{
    /// <summary>Enum member names: they must be valid C# identifiers and no keyword, which only the compiler can tell.</summary>
    internal static partial class Naming
    {
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
    }
}
