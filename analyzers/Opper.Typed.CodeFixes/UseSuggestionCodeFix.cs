using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.CodeFixes
{
    /// <summary>OPPER003 / OPPER005: replace an unknown model id or parameter key with the suggested one.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestionCodeFix)), Shared]
    public sealed class UseSuggestionCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UnknownModelRule.DiagnosticId, UnknownParameterRule.DiagnosticId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var literal = await LiteralReplacement.FindAsync(context).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                // Both rules put the suggestion under the same property name.
                if (literal is not null && diagnostic.Properties.TryGetValue(UnknownParameterRule.SuggestionHint, out var suggestion) && suggestion is not null)
                {
                    LiteralReplacement.Offer(context, diagnostic, $"Use '{suggestion}'", nameof(UseSuggestionCodeFix), literal, LiteralReplacement.String(suggestion));
                }
            }
        }
    }
}
