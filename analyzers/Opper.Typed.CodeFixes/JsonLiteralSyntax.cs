using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Opper.Typed.CodeFixes
{
    /// <summary>A JSON value from a rule's hint (<c>"1280x720"</c>, <c>15</c>, <c>true</c>) as the C# literal that sends it.</summary>
    internal static class JsonLiteralSyntax
    {
        /// <summary>The literal, or null for JSON this cannot write as one C# literal (then no fix is offered).</summary>
        public static LiteralExpressionSyntax? From(string? json)
        {
            if (string.IsNullOrEmpty(json))
            {
                return null;
            }

            if (json![0] == '"')
            {
                return Unquote(json) is { } text ? LiteralReplacement.String(text) : null;
            }

            if (json == "true" || json == "false")
            {
                return SyntaxFactory.LiteralExpression(json == "true" ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
            }

            if (!double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || double.IsInfinity(number))
            {
                return null;
            }

            if (number == System.Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
            {
                return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal((int)number));
            }

            // A whole number past int (Veo's seed bound 4294967295) stays whole: a long converts to a long property, a double would not.
            return number == System.Math.Floor(number) && System.Math.Abs(number) < 9e15
                ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal((long)number))
                : SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(number));
        }

        /// <summary>Decodes a JSON string literal; null when it is malformed.</summary>
        private static string? Unquote(string json)
        {
            if (json.Length < 2 || json[json.Length - 1] != '"')
            {
                return null;
            }

            var builder = new StringBuilder(json.Length);
            for (var i = 1; i < json.Length - 1; i++)
            {
                var c = json[i];
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (++i >= json.Length - 1)
                {
                    return null;
                }

                switch (json[i])
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u' when i + 4 < json.Length - 1 && int.TryParse(json.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        builder.Append((char)code);
                        i += 4;
                        break;
                    default: builder.Append(json[i]); break;
                }
            }

            return builder.ToString();
        }
    }
}
