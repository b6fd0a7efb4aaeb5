using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Opper.Typed.Generator.Emitter
{
    /// <summary>
    /// A C# string literal (or <c>null</c>) to write into generated code: inside a <see cref="CodeWriter"/> line it is
    /// appended in place, quoted and escaped, instead of becoming a string of its own first.
    /// </summary>
    internal readonly struct CSharpLiteral
    {
        private readonly string? _text;

        public CSharpLiteral(string? text) => _text = text;

        public void AppendTo(StringBuilder builder)
        {
            if (_text is null)
            {
                builder.Append("null");
            }
            else if (IsPlain(_text))
            {
                builder.Append('"').Append(_text).Append('"');
            }
            else
            {
                builder.Append(SymbolDisplay.FormatLiteral(_text, quote: true));
            }
        }

        public override string ToString() => _text is null ? "null" : SymbolDisplay.FormatLiteral(_text, quote: true);

        /// <summary>Printable ASCII without a quote or backslash: written as it is, exactly as FormatLiteral would write it.</summary>
        private static bool IsPlain(string text)
        {
            foreach (var c in text)
            {
                if (c < ' ' || c > '~' || c == '"' || c == '\\')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
