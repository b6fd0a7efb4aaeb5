using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Opper.Typed.Generator.Model
{
    /// <summary>Where in an additional file a problem is; turned into a <see cref="Location"/> only when reported.</summary>
    internal sealed record FileSpan(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public Location ToLocation() => Location.Create(
            Path,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

        public static FileSpan From(string path, SourceText text, int start, int end)
        {
            start = System.Math.Max(0, System.Math.Min(start, text.Length));
            end = System.Math.Max(start, System.Math.Min(end, text.Length));
            var lines = text.Lines.GetLinePositionSpan(new TextSpan(start, end - start));
            return new FileSpan(path, start, end - start, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
        }
    }

    /// <summary>A diagnostic as a value: descriptor id, location and message arguments (all equatable).</summary>
    internal sealed record DiagnosticInfo(string Id, FileSpan? Span, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, FileSpan? span, params string[] arguments) =>
            new DiagnosticInfo(descriptor.Id, span, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(DiagnosticDescriptors.ById(Id), Span?.ToLocation() ?? Location.None, Arguments.ToArray<object>());
    }
}
