using System.Runtime.CompilerServices;
using System.Text;
using Opper.Typed.Core.Text;

namespace Opper.Typed.Generator.Emitter
{
    /// <summary>
    /// Writes indented C# with "\n" line endings, so generated files are identical on every OS. A file costs its text
    /// and little else: interpolated lines are written straight into the builder (<see cref="LineHandler{TStart}"/>), not made
    /// into strings first, and the builder is reused from one file to the next on the same thread
    /// (<see cref="StringBuilderCache"/>).
    /// </summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder;
        private int _indent;

        /// <param name="expectedLength">The file's likely length, so the builder grows once at most.</param>
        public CodeWriter(int expectedLength = 4096)
        {
            _builder = StringBuilderCache.Acquire(expectedLength);
        }

        public CodeWriter Line(string text = "")
        {
            StartLine(text.Length > 0);
            _builder.Append(text);
            return EndLine();
        }

        /// <summary>A line from an interpolated string, written piece by piece into the file.</summary>
        public CodeWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler<PlainLine> line) => EndLine();

        public CodeWriter Open(string text)
        {
            Line(text);
            return OpenBrace();
        }

        /// <summary>A line from an interpolated string, then <c>{</c>.</summary>
        public CodeWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler<PlainLine> line)
        {
            EndLine();
            return OpenBrace();
        }

        /// <summary>The start of a line (indented), to be continued with <see cref="Append(ref PartHandler)"/> and ended with <see cref="End(ref PartHandler)"/>.</summary>
        public CodeWriter Begin([InterpolatedStringHandlerArgument("")] ref LineHandler<PlainLine> start) => this;

        /// <summary>More of the current line.</summary>
        public CodeWriter Append([InterpolatedStringHandlerArgument("")] ref PartHandler part) => this;

        /// <summary>The rest of the current line, and its end.</summary>
        public CodeWriter End([InterpolatedStringHandlerArgument("")] ref PartHandler rest) => EndLine();

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            StartLine(true);
            _builder.Append('}').Append(suffix);
            return EndLine();
        }

        /// <summary>A <c>&lt;summary&gt;</c> (and optional remarks) doc comment; text must already be XML-escaped.</summary>
        public CodeWriter Doc(string summary, params string[] remarks)
        {
            Line($"/// <summary>{summary}</summary>");
            if (remarks.Length > 0)
            {
                Line("/// <remarks>");
                foreach (var remark in remarks)
                {
                    Line($"/// <para>{remark}</para>");
                }

                Line("/// </remarks>");
            }

            return this;
        }

        /// <summary>A one-line <c>&lt;summary&gt;</c> doc comment written in place; text must already be XML-escaped.</summary>
        public CodeWriter Doc([InterpolatedStringHandlerArgument("")] ref LineHandler<SummaryLine> summary)
        {
            _builder.Append("</summary>");
            return EndLine();
        }

        /// <summary>The file's text; the builder goes back to be reused by the next file. Call once, at the end.</summary>
        public string Finish() => StringBuilderCache.GetStringAndRelease(_builder);

        private void StartLine(bool indented)
        {
            if (indented)
            {
                _builder.Append(' ', _indent * 4);
            }
        }

        private CodeWriter EndLine()
        {
            _builder.Append('\n');
            return this;
        }

        private CodeWriter OpenBrace()
        {
            Line("{");
            _indent++;
            return this;
        }

        /// <summary>What a line starts with after its indentation, chosen by type so that one handler writes every kind of line.</summary>
        internal interface ILineStart
        {
            string Text { get; }
        }

        internal readonly struct PlainLine : ILineStart
        {
            public string Text => "";
        }

        internal readonly struct SummaryLine : ILineStart
        {
            public string Text => "/// <summary>";
        }

        /// <summary>
        /// Appends an interpolated line's pieces to the writer as the compiler hands them over, after the indentation and
        /// <typeparamref name="TStart"/>'s text. (Inserting a prefix afterwards instead split the builder's chunks and
        /// doubled what the generator allocated.)
        /// </summary>
        [InterpolatedStringHandler]
        internal readonly ref struct LineHandler<TStart>
            where TStart : struct, ILineStart
        {
            private readonly PartHandler _part;

            public LineHandler(int literalLength, int formattedCount, CodeWriter writer)
            {
                var start = default(TStart).Text;
                writer.StartLine(start.Length + literalLength + formattedCount > 0);
                writer._builder.Append(start);
                _part = new PartHandler(literalLength, formattedCount, writer);
            }

            public void AppendLiteral(string text) => _part.AppendLiteral(text);

            public void AppendFormatted(string? text) => _part.AppendFormatted(text);

            public void AppendFormatted(CSharpLiteral literal) => _part.AppendFormatted(literal);

            public void AppendFormatted<T>(T value) => _part.AppendFormatted(value);
        }

        /// <summary>Appends an interpolated string's pieces where the current line stands.</summary>
        [InterpolatedStringHandler]
        internal readonly ref struct PartHandler
        {
            private readonly StringBuilder _builder;

            public PartHandler(int literalLength, int formattedCount, CodeWriter writer) => _builder = writer._builder;

            public void AppendLiteral(string text) => _builder.Append(text);

            public void AppendFormatted(string? text) => _builder.Append(text);

            public void AppendFormatted(CSharpLiteral literal) => literal.AppendTo(_builder);

            // Formatted as string interpolation would: ToString() (numbers here are ints, which no culture changes).
            public void AppendFormatted<T>(T value) => _builder.Append(value?.ToString());
        }
    }
}
