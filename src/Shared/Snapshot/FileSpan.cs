using System;
using System.Collections.Generic;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>Where in a snapshot file a problem is: offsets and 0-based lines and columns, as compilers report them.</summary>
    internal sealed record FileSpan(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        /// <summary>"line 3, column 7" (1-based, for people).</summary>
        public string Position => $"line {StartLine + 1}, column {StartColumn + 1}";
    }

    /// <summary>The line starts of a text, computed once per file so each span is a binary search.</summary>
    internal sealed class LineMap
    {
        private readonly List<int> _starts = new List<int> { 0 };
        private readonly string _path;
        private readonly int _length;

        public LineMap(string path, string text)
        {
            _path = path;
            _length = text.Length;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                // The line ends JSON tolerates as whitespace or inside strings, counted the way editors count them.
                if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public FileSpan Span(int start, int end)
        {
            start = Math.Max(0, Math.Min(start, _length));
            end = Math.Max(start, Math.Min(end, _length));
            var (startLine, startColumn) = Position(start);
            var (endLine, endColumn) = Position(end);
            return new FileSpan(_path, start, end - start, startLine, startColumn, endLine, endColumn);
        }

        private (int Line, int Column) Position(int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line, offset - _starts[line]);
        }
    }
}
