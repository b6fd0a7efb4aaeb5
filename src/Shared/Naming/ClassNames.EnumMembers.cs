using Opper.Typed.Core.Text;

namespace Opper.Typed.Core.Naming
{
    /// <summary>Enum member names: valid C# identifiers, never keywords.</summary>
    internal static partial class ClassNames
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
                var builder = StringBuilderCache.Acquire(propertyName.Length + value.Length).Append(propertyName);
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

                name = StringBuilderCache.GetStringAndRelease(builder);
                if (name.Length == propertyName.Length)
                {
                    return null;
                }
            }
            else
            {
                name = Pascal(value);
            }

            // Built from ASCII letters, digits and '_' only; a valid identifier needs a letter first. Every C# keyword is
            // lower-case and every name here starts upper-case, so none can be a keyword.
            return name.Length > 0 && (char.IsUpper(name[0]) || name[0] == '_') ? name : null;
        }
    }
}
