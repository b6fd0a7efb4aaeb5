using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.CodeFixes
{
    /// <summary>OPPER007: replace a value outside the set or range with the nearest accepted one (<c>30</c> → <c>15</c> for xAI's duration).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NearestValueCodeFix)), Shared]
    public sealed class NearestValueCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ValueOutOfRangeRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            // Only a literal written at the spot is replaced: a followed constant (a field, a local) is used elsewhere too.
            if (await LiteralReplacement.FindAsync(context).ConfigureAwait(false) is not { } expression
                || !(expression is LiteralExpressionSyntax || expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax }))
            {
                return;
            }

            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(ValueOutOfRangeRule.NearestHint, out var nearest)
                    && JsonLiteralSyntax.From(nearest) is { } replacement
                    && Fits(model, expression, replacement))
                {
                    LiteralReplacement.Offer(context, diagnostic, $"Use {replacement} (the nearest accepted value)", nameof(NearestValueCodeFix), expression, replacement);
                }
            }
        }

        /// <summary>Whether the replacement converts to what the spot takes (a double bound into an int property would not compile).</summary>
        private static bool Fits(SemanticModel? model, ExpressionSyntax original, ExpressionSyntax replacement)
        {
            var target = model?.GetTypeInfo(original).ConvertedType;
            return target is null || model!.ClassifyConversion(original.SpanStart, replacement, target).IsImplicit;
        }
    }
}
