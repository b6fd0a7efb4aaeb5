using System.Collections.Generic;
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
    /// OPPER010: rewrite <c>new VideoRequest("openai/sora-2", p) { Parameters = { ["seconds"] = "4" } }</c> as
    /// <c>new Sora2Request(p) { Seconds = Sora2Seconds.Seconds4 }</c>. Offered only when every value has a typed form,
    /// so the request keeps its meaning.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedRequestCodeFix)), Shared]
    public sealed class UseTypedRequestCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(TypedClassExistsRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await ParsedDocument.RootAsync(context).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ObjectCreationExpressionSyntax creation
                    && diagnostic.Properties.TryGetValue(TypedClassExistsRule.ClassHint, out var className) && className is not null
                    && diagnostic.Properties.TryGetValue(TypedClassExistsRule.RewriteHint, out var rewrite) && rewrite is not null
                    && diagnostic.Properties.TryGetValue(TypedClassExistsRule.PropertiesHint, out var properties) && properties is not null
                    && Rewrite(creation, className, rewrite, properties.Split(',')) is { } typed)
                {
                    var title = $"Use {className}";
                    context.RegisterCodeFix(CodeAction.Create(title, c => ReplaceAsync(context.Document, creation, typed, c), equivalenceKey: nameof(UseTypedRequestCodeFix)), diagnostic);
                }
            }
        }

        /// <summary>The typed creation, or null when anything would not carry over: then no fix is offered rather than one that breaks the build.</summary>
        private static ObjectCreationExpressionSyntax? Rewrite(ObjectCreationExpressionSyntax creation, string className, string rewrite, string[] classProperties)
        {
            var arguments = creation.ArgumentList?.Arguments;
            if (arguments is not { Count: 2 } list || list.Any(a => a.NameColon is not null))
            {
                return null;
            }

            if (TypedRewrite.Read(rewrite) is not { } mapping)
            {
                return null;
            }

            var assignments = new List<ExpressionSyntax>();
            foreach (var expression in creation.Initializer?.Expressions ?? default)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Parameters" }, Right: InitializerExpressionSyntax entries })
                {
                    foreach (var entry in entries.Expressions)
                    {
                        if (!(entry is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys } } assignment)
                            || !(keys[0].Expression is LiteralExpressionSyntax key)
                            || !mapping.TryGetValue(key.Token.ValueText, out var target))
                        {
                            return null;
                        }

                        if (target.Replacement.Length == 0 && !TypedValueSyntax.WrittenAs(assignment.Right, target.Type))
                        {
                            return null;
                        }

                        var value = target.Replacement.Length > 0 ? SyntaxFactory.ParseExpression(target.Replacement) : assignment.Right.WithoutTrivia();
                        assignments.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(target.Property), value));
                    }
                }
                else if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax member } && classProperties.Contains(member.Identifier.ValueText))
                {
                    assignments.Add(expression.WithoutTrivia());
                }
                else
                {
                    return null; // e.g. an Image the typed class has no property for.
                }
            }

            var type = creation.Type is QualifiedNameSyntax qualified
                ? (TypeSyntax)qualified.WithRight(SyntaxFactory.IdentifierName(className))
                : SyntaxFactory.IdentifierName(className);
            var typed = SyntaxFactory.ObjectCreationExpression(type)
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(list[1])));
            return assignments.Count == 0
                ? typed
                : typed.WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(assignments)));
        }

        private static async Task<Document> ReplaceAsync(Document document, SyntaxNode original, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var changed = document.WithSyntaxRoot(root.ReplaceNode(original, replacement.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation)));
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
