using System.Collections.Generic;

namespace Opper.Typed.Core.Snapshot.Json
{
    /// <summary>The kinds of JSON value.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A parsed JSON value that remembers where it stood in the text, so a diagnostic can point at the exact
    /// entry of a snapshot. Generator-time only: System.Text.Json breaks in some IDE hosts.
    /// </summary>
    internal sealed class JsonValue
    {
        private static readonly List<KeyValuePair<string, JsonValue>> NoMembers = new List<KeyValuePair<string, JsonValue>>();
        private static readonly List<JsonValue> NoItems = new List<JsonValue>();

        public JsonValue(JsonKind kind, int start, int end, string? text = null, List<KeyValuePair<string, JsonValue>>? members = null, List<JsonValue>? items = null)
        {
            Kind = kind;
            Start = start;
            End = end;
            Text = text;
            Members = members ?? NoMembers;
            Items = items ?? NoItems;
        }

        public JsonKind Kind { get; }

        /// <summary>Offset of the first character.</summary>
        public int Start { get; }

        /// <summary>Offset just past the last character.</summary>
        public int End { get; }

        /// <summary>The decoded string of a string, or the raw literal of a number.</summary>
        public string? Text { get; }

        public List<KeyValuePair<string, JsonValue>> Members { get; }

        public List<JsonValue> Items { get; }

        public JsonValue? this[string name]
        {
            get
            {
                foreach (var member in Members)
                {
                    if (member.Key == name)
                    {
                        return member.Value;
                    }
                }

                return null;
            }
        }

        public string? AsString() => Kind == JsonKind.String ? Text : null;

        /// <summary>The number, or null for another kind or one no double holds (<c>1e400</c> would become infinity, which no C# literal writes).</summary>
        public double? AsNumber() =>
            Kind == JsonKind.Number && double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && !double.IsInfinity(number) && !double.IsNaN(number) ? number : (double?)null;

        public bool IsNull => Kind == JsonKind.Null;
    }
}
