using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Opper.Typed.CodeFixes
{
    /// <summary>What the literal-rewriting fixes share: find the expression a diagnostic points at and swap it for another.</summary>
    internal static class LiteralReplacement
    {
        public static async Task<ExpressionSyntax?> FindAsync(CodeFixContext context)
        {
            var root = await ParsedDocument.RootAsync(context).ConfigureAwait(false);
            return root?.FindNode(context.Span, getInnermostNodeForTie: true) as ExpressionSyntax;
        }

        /// <summary>
        /// Offers the replacement. The equivalence key names the kind of fix, never the value: Fix All applies every action
        /// with the key of the one the user chose, so a per-value key would fix one occurrence only.
        /// </summary>
        public static void Offer(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey, ExpressionSyntax original, ExpressionSyntax replacement) =>
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ReplaceAsync(context.Document, original, replacement, cancellationToken), equivalenceKey),
                diagnostic);

        private static async Task<Document> ReplaceAsync(Document document, SyntaxNode original, ExpressionSyntax replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is null
                ? document
                : document.WithSyntaxRoot(root.ReplaceNode(original, replacement.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation)));
        }

        public static LiteralExpressionSyntax String(string text) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
    }
}
