using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.CodeFixes
{
    /// <summary>
    /// OPPER011: switch a retired model to its successor: the id of an untyped request, or the class of a typed one when the
    /// successor's class takes every property the request sets (an enum of the old class would not compile there).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuccessorCodeFix)), Shared]
    public sealed class UseSuccessorCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RetiredModelRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            // Decided from syntax and the rule's hints only: a fixer must not depend on the generated types being bound yet.
            var root = await ParsedDocument.RootAsync(context).ConfigureAwait(false);
            var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (node is null || !diagnostic.Properties.TryGetValue(RetiredModelRule.SuccessorHint, out var successor) || successor is null)
                {
                    continue;
                }

                if (node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } id)
                {
                    LiteralReplacement.Offer(context, diagnostic, $"Use {successor}", nameof(UseSuccessorCodeFix), id, LiteralReplacement.String(successor));
                }
                else if (node is ObjectCreationExpressionSyntax creation
                         && diagnostic.Properties.TryGetValue(RetiredModelRule.SuccessorClassHint, out var successorClass) && successorClass is not null
                         && diagnostic.Properties.TryGetValue(RetiredModelRule.SuccessorPropertiesHint, out var properties) && properties is not null
                         && Carries(creation, properties.Split(',')))
                {
                    var title = $"Use {successorClass} ({successor})";
                    context.RegisterCodeFix(CodeAction.Create(title, token => SwapClassAsync(context.Document, creation, successorClass, token), equivalenceKey: nameof(UseSuccessorCodeFix)), diagnostic);
                }
            }
        }

        /// <summary>
        /// Whether every property the initializer sets exists on the successor, with a literal value (an enum member of the
        /// old class, or anything computed, might not carry over).
        /// </summary>
        private static bool Carries(ObjectCreationExpressionSyntax creation, string[] successorProperties) =>
            (creation.Initializer?.Expressions ?? default).All(e =>
                e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                && successorProperties.Contains(name.Identifier.Text)
                && (assignment.Right is LiteralExpressionSyntax || assignment.Right is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax }));

        private static async Task<Document> SwapClassAsync(Document document, ObjectCreationExpressionSyntax creation, string successorClass, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var type = SyntaxFactory.IdentifierName(successorClass).WithTriviaFrom(creation.Type);
            return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(creation.Type, type.WithAdditionalAnnotations(Formatter.Annotation)));
        }
    }
}
