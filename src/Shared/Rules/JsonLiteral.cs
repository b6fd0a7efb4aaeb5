using System;
using System.Globalization;
using System.Text;

namespace Opper.Typed.Core.Rules
{
    /// <summary>The JSON kinds a parameter value can have.</summary>
    internal enum JsonLiteralKind
    {
        String,
        Number,
        True,
        False,
        Null,
        Object,
        Array,
    }

    /// <summary>
    /// The neutral value every rule judges: a JSON value's kind plus its text (the decoded string, or the number as
    /// written). The runtime makes one from a <c>JsonNode</c>, the analyzer from a C# constant, the emulator from a
    /// request body, so a rule is written once and says the same thing in all three.
    /// </summary>
    internal readonly struct JsonLiteral : IEquatable<JsonLiteral>
    {
        private readonly string? _text;

        // A number's value, parsed once where the literal is made: the rules compare it per request, and the allowed
        // values of a spec are compared on every request, so neither re-parses text.
        private readonly double _number;
        private readonly bool _hasNumber;

        private JsonLiteral(JsonLiteralKind kind, string? text, double number = 0, bool hasNumber = false)
        {
            Kind = kind;
            _text = text;
            _number = number;
            _hasNumber = hasNumber;
        }

        public JsonLiteralKind Kind { get; }

        /// <summary>
        /// A string's decoded text, a number's text (as written, or its invariant form when made from a value: formatted
        /// only when asked, for a message), an object's or array's JSON; empty for the rest.
        /// </summary>
        public string Text => _text ?? (_hasNumber ? _number.ToString("R", CultureInfo.InvariantCulture) : "");

        public static JsonLiteral Null => new JsonLiteral(JsonLiteralKind.Null, "");

        public static JsonLiteral FromString(string text) => new JsonLiteral(JsonLiteralKind.String, text);

        public static JsonLiteral FromBoolean(bool value) => new JsonLiteral(value ? JsonLiteralKind.True : JsonLiteralKind.False, "");

        /// <summary>A number from its value; its text is made only if a message needs it.</summary>
        public static JsonLiteral FromNumber(double value) => new JsonLiteral(JsonLiteralKind.Number, null, value, hasNumber: true);

        /// <summary>A number as written (e.g. <c>6.0</c>, <c>1e3</c>); compared by value, shown as written.</summary>
        public static JsonLiteral FromNumberText(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? new JsonLiteral(JsonLiteralKind.Number, text, number, hasNumber: true)
                : new JsonLiteral(JsonLiteralKind.Number, text);

        /// <summary>An object or array, kept as its JSON text for messages.</summary>
        public static JsonLiteral FromComposite(JsonLiteralKind kind, string json) => new JsonLiteral(kind, json);

        public bool IsBoolean => Kind == JsonLiteralKind.True || Kind == JsonLiteralKind.False;

        /// <summary>The number's value; null for other kinds or text no double holds.</summary>
        public double? Number => Kind == JsonLiteralKind.Number && _hasNumber ? _number : (double?)null;

        /// <summary>The JSON kind's name in messages: "string", "number", "boolean", "null", "object", "array".</summary>
        public string KindName => Kind switch
        {
            JsonLiteralKind.String => "string",
            JsonLiteralKind.Number => "number",
            JsonLiteralKind.True or JsonLiteralKind.False => "boolean",
            JsonLiteralKind.Null => "null",
            JsonLiteralKind.Object => "object",
            _ => "array",
        };

        /// <summary>The value as JSON text: <c>"4"</c>, <c>4</c>, <c>true</c>.</summary>
        public string ToJson() => Kind switch
        {
            JsonLiteralKind.String => Quote(Text),
            JsonLiteralKind.True => "true",
            JsonLiteralKind.False => "false",
            JsonLiteralKind.Null => "null",
            _ => Text,
        };

        /// <summary>Same kind and value; numbers compare by value (<c>6</c> equals <c>6.0</c>).</summary>
        public bool Equals(JsonLiteral other)
        {
            if (Kind != other.Kind)
            {
                return false;
            }

            return Kind == JsonLiteralKind.Number && Number is { } a && other.Number is { } b ? a.Equals(b) : string.Equals(Text, other.Text, StringComparison.Ordinal);
        }

        public override bool Equals(object? obj) => obj is JsonLiteral other && Equals(other);

        public override int GetHashCode() => Kind == JsonLiteralKind.Number && Number is { } n ? n.GetHashCode() : StringComparer.Ordinal.GetHashCode(Text ?? "") ^ (int)Kind;

        public override string ToString() => ToJson();

        /// <summary>A JSON string literal: quotes, backslashes and every control character escaped.</summary>
        public static string Quote(string text)
        {
            if (!NeedsEscaping(text))
            {
                return "\"" + text + "\"";
            }

            var builder = new StringBuilder(text.Length + 2).Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        private static bool NeedsEscaping(string text)
        {
            foreach (var c in text)
            {
                if (c == '"' || c == '\\' || c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
