using System.Text;

namespace Opper.Typed.Generator.Emitter
{
    /// <summary>Writes indented C# with "\n" line endings, so generated files are identical on every OS.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
            }

            _builder.Append(text).Append('\n');
            return this;
        }

        public CodeWriter Open(string text)
        {
            Line(text);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        /// <summary>A <c>&lt;summary&gt;</c> (and optional remarks) doc comment; text must already be XML-escaped.</summary>
        public CodeWriter Doc(string summary, params string[] remarks)
        {
            Line("/// <summary>" + summary + "</summary>");
            if (remarks.Length > 0)
            {
                Line("/// <remarks>");
                foreach (var remark in remarks)
                {
                    Line("/// <para>" + remark + "</para>");
                }

                Line("/// </remarks>");
            }

            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
