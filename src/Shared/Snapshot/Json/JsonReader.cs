using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Opper.Typed.Core.Snapshot.Json
{
    /// <summary>A JSON syntax error at an offset of the text.</summary>
    internal sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int offset)
            : base(message)
        {
            Offset = offset;
        }

        public int Offset { get; }
    }

    /// <summary>A small strict JSON reader (RFC 8259) with offsets; depth is bounded so hostile input cannot overflow the stack.</summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _position;

        private JsonReader(string text) => _text = text;

        public static JsonValue Parse(string text)
        {
            var reader = new JsonReader(text);
            reader.SkipWhitespace();
            if (reader._position < text.Length && text[reader._position] == '\uFEFF')
            {
                reader._position++;
                reader.SkipWhitespace();
            }

            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position != text.Length)
            {
                throw new JsonSyntaxException("Unexpected text after the end of the JSON value", reader._position);
            }

            return value;
        }

        private JsonValue ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new JsonSyntaxException($"JSON nested deeper than {MaxDepth} levels", _position);
            }

            SkipWhitespace();
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException("Unexpected end of JSON", _position);
            }

            var c = _text[_position];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    var start = _position;
                    var text = ReadString();
                    return new JsonValue(JsonKind.String, start, _position, text);
                case 't':
                    return ReadLiteral("true", JsonKind.True);
                case 'f':
                    return ReadLiteral("false", JsonKind.False);
                case 'n':
                    return ReadLiteral("null", JsonKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw new JsonSyntaxException($"Unexpected character '{c}'", _position);
            }
        }

        private JsonValue ReadObject(int depth)
        {
            var start = _position++;
            var members = new List<KeyValuePair<string, JsonValue>>();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return new JsonValue(JsonKind.Object, start, _position, members: members);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new JsonSyntaxException("Expected a property name in double quotes", _position);
                }

                var name = ReadString();
                SkipWhitespace();
                Expect(':');
                members.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth + 1)));
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == '}')
                {
                    return new JsonValue(JsonKind.Object, start, _position, members: members);
                }

                if (next != ',')
                {
                    throw new JsonSyntaxException("Expected ',' or '}' in an object", _position - 1);
                }
            }
        }

        private JsonValue ReadArray(int depth)
        {
            var start = _position++;
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return new JsonValue(JsonKind.Array, start, _position, items: items);
            }

            while (true)
            {
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == ']')
                {
                    return new JsonValue(JsonKind.Array, start, _position, items: items);
                }

                if (next != ',')
                {
                    throw new JsonSyntaxException("Expected ',' or ']' in an array", _position - 1);
                }
            }
        }

        private string ReadString()
        {
            _position++;
            // Almost every string has no escape: cut it out of the text as it is.
            for (var end = _position; end < _text.Length; end++)
            {
                var c = _text[end];
                if (c == '"')
                {
                    var plain = _text.Substring(_position, end - _position);
                    _position = end + 1;
                    return plain;
                }

                if (c == '\\' || c < ' ')
                {
                    break; // the general path below decodes escapes and reports control characters
                }
            }

            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw new JsonSyntaxException("Unterminated string", _position);
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new JsonSyntaxException("Control character in a string", _position - 1);
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                var escape = Peek();
                _position++;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new JsonSyntaxException("Invalid \\u escape", _position - 2);
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw new JsonSyntaxException($"Invalid escape '\\{escape}'", _position - 2);
                }
            }
        }

        private JsonValue ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw new JsonSyntaxException("Invalid number", start);
            }

            if (Peek() == '.')
            {
                _position++;
                if (!ReadDigits())
                {
                    throw new JsonSyntaxException("Invalid number: digits expected after '.'", _position);
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _position++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _position++;
                }

                if (!ReadDigits())
                {
                    throw new JsonSyntaxException("Invalid number: digits expected in the exponent", _position);
                }
            }

            return new JsonValue(JsonKind.Number, start, _position, _text.Substring(start, _position - start));
        }

        private bool ReadDigits()
        {
            var start = _position;
            while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
            {
                _position++;
            }

            return _position > start;
        }

        private JsonValue ReadLiteral(string literal, JsonKind kind)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw new JsonSyntaxException($"Unexpected token; did you mean '{literal}'?", _position);
            }

            var start = _position;
            _position += literal.Length;
            return new JsonValue(kind, start, _position);
        }

        private void Expect(char expected)
        {
            if (Peek() != expected)
            {
                throw new JsonSyntaxException($"Expected '{expected}'", _position);
            }

            _position++;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipWhitespace()
        {
            while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\n' || _text[_position] == '\r'))
            {
                _position++;
            }
        }
    }
}
