using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Opper.Typed.CodeFixes
{
    /// <summary>
    /// The one way a fixer reads its document: the syntax root only when the file parses. Roslyn's formatter, which every
    /// fix's edit passes through, can throw on a tree with a missing brace, and a fixer must never throw: on a file with a
    /// syntax error no fix is offered (the user's next keystroke usually mends it, and the fix comes back).
    /// </summary>
    internal static class ParsedDocument
    {
        /// <returns>The root, or null when there is none or it has a syntax error.</returns>
        public static async Task<SyntaxNode?> RootAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            return root is null || (root.ContainsDiagnostics && root.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) ? null : root;
        }
    }
}
