using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Opper.Typed.Generator.Analyzers;

namespace Opper.Typed.CodeFixes
{
    /// <summary>OPPER009: read the key from <c>OPPER_API_KEY</c> instead of a literal.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApiKeyFromEnvironmentCodeFix)), Shared]
    public sealed class ApiKeyFromEnvironmentCodeFix : CodeFixProvider
    {
        private const string Title = "Read the key from the OPPER_API_KEY environment variable";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(LiteralApiKeyRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var literal = await LiteralReplacement.FindAsync(context).ConfigureAwait(false);
            if (literal is null)
            {
                return;
            }

            var lookup = SyntaxFactory.ParseExpression("System.Environment.GetEnvironmentVariable(\"OPPER_API_KEY\")");
            foreach (var diagnostic in context.Diagnostics)
            {
                LiteralReplacement.Offer(context, diagnostic, Title, nameof(ApiKeyFromEnvironmentCodeFix), literal, lookup);
            }
        }
    }
}
