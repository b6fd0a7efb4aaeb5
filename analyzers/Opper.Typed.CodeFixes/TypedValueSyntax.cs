using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Opper.Typed.CodeFixes
{
    /// <summary>Whether a value as written converts to a typed property of a JSON type, decided from syntax (fixers must not depend on generated types being bound).</summary>
    internal static class TypedValueSyntax
    {
        /// <summary>True for a literal of the property's kind: <c>6.0</c> into an integer property would not compile (CS0266), so it is not.</summary>
        public static bool WrittenAs(ExpressionSyntax value, string? type)
        {
            var literal = value is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } ? operand : value as LiteralExpressionSyntax;
            return (type, literal?.Kind()) switch
            {
                ("String", SyntaxKind.StringLiteralExpression) => true,
                ("Boolean", SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression) => true,
                ("Number", SyntaxKind.NumericLiteralExpression) => !(literal!.Token.Value is decimal),
                ("Integer", SyntaxKind.NumericLiteralExpression) => literal!.Token.Value is int or long,
                _ => false,
            };
        }
    }
}
