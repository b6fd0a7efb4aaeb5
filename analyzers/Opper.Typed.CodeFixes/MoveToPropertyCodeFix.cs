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
    /// OPPER012: move an <c>AdditionalParameters</c> entry to its typed property
    /// (<c>AdditionalParameters = { ["size"] = "1280x720" }</c> → <c>Size = Sora2Size.Size1280x720</c>), when the value has
    /// a typed form and the entry is written in the request's initializer.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToPropertyCodeFix)), Shared]
    public sealed class MoveToPropertyCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(AdditionalParameterHasPropertyRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            // Decided from syntax and the rule's hints only: a fixer must not depend on the generated types being bound yet.
            var root = await ParsedDocument.RootAsync(context).ConfigureAwait(false);
            var key = root?.FindNode(context.Span, getInnermostNodeForTie: true);
            var entry = key?.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Parent is InitializerExpressionSyntax);
            if (entry?.Parent is not InitializerExpressionSyntax entries
                || entries.Parent is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.Text: "AdditionalParameters" } } member
                || member.Parent is not InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation }
                || ValueOf(entry) is not { } value)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(AdditionalParameterHasPropertyRule.PropertyHint, out var property) || property is null
                    || !diagnostic.Properties.TryGetValue(AdditionalParameterHasPropertyRule.ReplacementHint, out var replacement) || replacement is null
                    || (replacement.Length == 0 && !TypedValueSyntax.WrittenAs(value, diagnostic.Properties.TryGetValue(AdditionalParameterHasPropertyRule.TypeHint, out var type) ? type : null)))
                {
                    continue;
                }

                var newValue = replacement.Length == 0 ? value.WithoutTrivia() : SyntaxFactory.ParseExpression(replacement);
                var title = $"Set {property} instead";
                context.RegisterCodeFix(CodeAction.Create(title, token => MoveAsync(context.Document, creation, member, entry, property, newValue, token), equivalenceKey: nameof(MoveToPropertyCodeFix)), diagnostic);
            }
        }

        private static ExpressionSyntax? ValueOf(ExpressionSyntax entry) => entry switch
        {
            AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax } indexer => indexer.Right,
            InitializerExpressionSyntax { Expressions.Count: 2 } pair => pair.Expressions[1],
            _ => null,
        };

        private static async Task<Document> MoveAsync(
            Document document, ObjectCreationExpressionSyntax creation, AssignmentExpressionSyntax member, ExpressionSyntax entry, string property, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || creation.Initializer is null)
            {
                return document;
            }

            var entries = (InitializerExpressionSyntax)member.Right;
            var remaining = entries.Expressions.Remove(entry);
            var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value);
            var members = creation.Initializer.Expressions;
            members = remaining.Count == 0
                ? members.Replace(member, assignment)
                : members.Replace(member, member.WithRight(entries.WithExpressions(remaining))).Add(assignment);
            var updated = creation.WithInitializer(creation.Initializer.WithExpressions(members)).WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(creation, updated));
        }
    }
}
