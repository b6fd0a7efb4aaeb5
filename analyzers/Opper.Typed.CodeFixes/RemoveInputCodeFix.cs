using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.CodeFixes
{
    /// <summary>OPPER004: remove an input the model does not take (an <c>Image</c> for a text-to-video model).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveInputCodeFix)), Shared]
    public sealed class RemoveInputCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MissingCapabilityRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await ParsedDocument.RootAsync(context).ConfigureAwait(false);
            var element = root?.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf()
                .OfType<ExpressionSyntax>()
                .FirstOrDefault(e => e.Parent is InitializerExpressionSyntax);
            if (element is null)
            {
                return; // written outside an initializer: nothing safe to remove.
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                const string Title = "Remove the input the model does not take";
                context.RegisterCodeFix(CodeAction.Create(Title, token => RemoveAsync(context.Document, element, token), equivalenceKey: nameof(RemoveInputCodeFix)), diagnostic);
            }
        }

        private static async Task<Document> RemoveAsync(Document document, SyntaxNode element, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var updated = root?.RemoveNode(element, SyntaxRemoveOptions.KeepNoTrivia);
            return updated is null ? document : document.WithSyntaxRoot(updated);
        }
    }
}
