using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.CodeFixes
{
    /// <summary>
    /// OPPER001 for a provider that takes data-URIs but no URLs (Veo): download the URL and send the bytes inline,
    /// <c>await MediaInput.DownloadAsDataUriAsync(url)</c>. Offered only where <c>await</c> is allowed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InlineMediaCodeFix)), Shared]
    public sealed class InlineMediaCodeFix : CodeFixProvider
    {
        private const string Title = "Download the URL and send it inline (await MediaInput.DownloadAsDataUriAsync)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MediaSourceKindRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var expression = await LiteralReplacement.FindAsync(context).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (expression is null || model is null || !InAsyncContext(expression) || UrlArgument(expression) is not { } url)
            {
                return;
            }

            // The short name where it binds to Opper.Typed.MediaInput, the qualified one elsewhere.
            var shortName = model.LookupNamespacesAndTypes(expression.SpanStart, name: "MediaInput")
                .Any(s => s.ToDisplayString() == "Opper.Typed.MediaInput");
            var download = SyntaxFactory.ParseExpression($"await {(shortName ? "" : "Opper.Typed.")}MediaInput.DownloadAsDataUriAsync({url.ToFullString().Trim()})");
            foreach (var diagnostic in context.Diagnostics.Where(d => d.Properties.ContainsKey(MediaSourceKindRule.CanInlineHint)))
            {
                LiteralReplacement.Offer(context, diagnostic, Title, nameof(InlineMediaCodeFix), expression, download);
            }
        }

        /// <summary>The URL expression: the literal itself, or the argument of <c>MediaInput.FromUrl(…)</c>.</summary>
        private static ExpressionSyntax? UrlArgument(ExpressionSyntax expression) => expression switch
        {
            LiteralExpressionSyntax literal => literal,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromUrl" }, ArgumentList.Arguments: { Count: 1 } arguments } => arguments[0].Expression,
            _ => null,
        };

        private static bool InAsyncContext(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax function:
                        return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }
    }
}
