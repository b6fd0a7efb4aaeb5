using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed;

/// <summary>
/// What decides how long a job renders, as a key: the model and the request's short scalar parameters (duration, size,
/// resolution, aspect ratio…), and whether it starts from an image or a video. Prompts, image data, long strings and
/// seeds are left out: they change with every request, and a key that never repeats learns nothing.
/// </summary>
/// <remarks>
/// Durable jobs store the key, so its text must not change. It is worked out for every job the client starts, so it is
/// written into buffers kept per thread, and a key the history already holds is returned as that string, not a new one.
/// </remarks>
internal static class JobShape
{
    private const int LongestValue = 32;

    [ThreadStatic]
    private static KeyWriter? t_writer;

    /// <param name="request">The request.</param>
    /// <param name="history">Where the key may already be known (then no string is made); null to always make one.</param>
    public static string Of(VideoWireRequest request, CompletionHistory? history = null)
    {
        var key = t_writer ??= new KeyWriter();
        key.Start(request.Model);
        if (request.Image is not null)
        {
            key.Append("|image");
        }

        if (request.Video is not null)
        {
            key.Append("|video");
        }

        // Ordinal order without sorting a copy: each step takes the least name after the one before (a request has a
        // handful of parameters).
        string? previous = null;
        while (NextName(request.Parameters, previous) is { } name)
        {
            previous = name;
            if (request.Parameters[name] is JsonValue scalar && !name.Contains("seed", StringComparison.OrdinalIgnoreCase))
            {
                key.AppendIfShort(name, scalar);
            }
        }

        return history?.Known(key.Text) ?? new string(key.Text);
    }

    private static string? NextName(Dictionary<string, JsonNode?> parameters, string? after)
    {
        string? next = null;
        foreach (var name in parameters.Keys)
        {
            if ((after is null || string.CompareOrdinal(name, after) > 0) && (next is null || string.CompareOrdinal(name, next) < 0))
            {
                next = name;
            }
        }

        return next;
    }

    // One per thread for the thread's life: its writer holds nothing but the managed buffer, so there is nothing to dispose.
#pragma warning disable CA1001
    private sealed class KeyWriter
#pragma warning restore CA1001
    {
        private readonly ArrayBufferWriter<byte> _json = new(64);
        private readonly Utf8JsonWriter _writer;
        private char[] _chars = new char[128];
        private int _length;

        public KeyWriter() => _writer = new Utf8JsonWriter(_json);

        public ReadOnlySpan<char> Text => _chars.AsSpan(0, _length);

        public void Start(string model)
        {
            _length = 0;
            Append(model);
        }

        public void Append(ReadOnlySpan<char> text)
        {
            text.CopyTo(Room(text.Length));
            _length += text.Length;
        }

        /// <summary>Appends <c>|name=value</c> with the value as <see cref="JsonNode.ToJsonString"/> writes it, when that is short.</summary>
        public void AppendIfShort(string name, JsonValue value)
        {
            _json.ResetWrittenCount();
            _writer.Reset(_json);
            value.WriteTo(_writer);
            _writer.Flush();
            var written = _json.WrittenSpan;
            var length = Encoding.UTF8.GetCharCount(written);
            if (length > LongestValue)
            {
                return;
            }

            Append("|");
            Append(name);
            Append("=");
            _length += Encoding.UTF8.GetChars(written, Room(length));
        }

        private Span<char> Room(int needed)
        {
            if (_length + needed > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + needed));
            }

            return _chars.AsSpan(_length);
        }
    }
}
