using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Core.Snapshot;

namespace Opper.Typed.Generator.Diagnostics
{
    /// <summary>Turns the core's snapshot problems into compiler diagnostics located in the JSON file.</summary>
    internal static class SnapshotDiagnostics
    {
        public static Diagnostic ToDiagnostic(this SnapshotProblem problem) =>
            Diagnostic.Create(Descriptors.For(problem.Id), problem.Span is { } span ? ToLocation(span) : Location.None, problem.Arguments.Cast<object>().ToArray());

        private static Location ToLocation(FileSpan span) => Location.Create(
            span.Path,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
    }
}
