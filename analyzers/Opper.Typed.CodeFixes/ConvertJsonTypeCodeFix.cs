using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.CodeFixes
{
    /// <summary>OPPER006: write the literal in the JSON type the provider wants (<c>4</c> → <c>"4"</c>, <c>"4"</c> → <c>4</c>, <c>"false"</c> → <c>false</c>).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertJsonTypeCodeFix)), Shared]
    public sealed class ConvertJsonTypeCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(WrongJsonTypeRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var expression = await LiteralReplacement.FindAsync(context).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (expression is null || model is null
                    || !diagnostic.Properties.TryGetValue(WrongJsonTypeRule.ExpectedHint, out var expected)
                    || !(model.GetConstantValue(expression, context.CancellationToken) is { HasValue: true } constant)
                    || Convert(constant.Value, expected) is not { } replacement)
                {
                    continue;
                }

                LiteralReplacement.Offer(context, diagnostic, $"Send {replacement} as a JSON {expected}", nameof(ConvertJsonTypeCodeFix), expression, replacement);
            }
        }

        /// <summary>The literal in the expected type, or null when the value has no such form (then no fix is offered).</summary>
        private static LiteralExpressionSyntax? Convert(object? value, string? expected)
        {
            var text = value is System.IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
            switch (expected)
            {
                case "string" when text is not null:
                    return LiteralReplacement.String(value is bool flag ? (flag ? "true" : "false") : text);
                case "number" when value is string s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole):
                    return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(whole));
                case "number" when value is string s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var large):
                    return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(large));
                case "number" when value is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsNaN(real) && !double.IsInfinity(real):
                    return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(real));
                case "boolean" when value is string s && bool.TryParse(s, out var boolean):
                    return SyntaxFactory.LiteralExpression(boolean ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
                default:
                    return null;
            }
        }
    }
}
