using System.Buffers.Binary;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// Makes a short fixture play for the duration a request asked for, by rewriting the MP4's timing boxes in place: the
/// same frames, each shown longer. Every duration and sample time is multiplied by <c>Scale</c> = round(1000 × stretch)
/// and every timescale by 1000, so the stretch is exact to a thousandth and no box changes size.
/// </summary>
internal static class ClipRetimer
{
    private const uint TimescaleFactor = 1000;

    /// <returns>A retimed copy, or null when the clip's boxes are not what this rewrite knows (the fixture then plays as is).</returns>
    public static byte[]? Stretch(byte[] clip, double seconds)
    {
        var copy = (byte[])clip.Clone();
        var moov = Find(copy, 0, copy.Length, "moov");
        var mvhd = moov is { } m ? Find(copy, m.Content, m.End, "mvhd") : null;
        if (mvhd is null || seconds <= 0)
        {
            return null;
        }

        var (timescale, duration) = ReadTiming(copy, mvhd.Value.Content);
        if (timescale == 0 || duration == 0)
        {
            return null;
        }

        var scale = (ulong)Math.Round(seconds * timescale / duration * TimescaleFactor);
        if (scale == 0)
        {
            return null; // shorter than a thousandth of the fixture: nothing playable to stretch to
        }

        try
        {
            Retime(copy, moov!.Value, scale);
            return copy;
        }
        catch (OverflowException)
        {
            return null; // a stretch too long for 32-bit fields: serve the fixture unchanged
        }
    }

    private static void Retime(byte[] mp4, Box moov, ulong scale)
    {
        foreach (var box in Children(mp4, moov))
        {
            switch (box.Type)
            {
                case "mvhd":
                    ScaleTiming(mp4, box.Content, scale);
                    break;
                case "trak":
                    foreach (var part in Descendants(mp4, box))
                    {
                        switch (part.Type)
                        {
                            case "tkhd":
                                // version, flags, creation, modification, track id, reserved, then the duration.
                                ScaleField(mp4, part.Content + (Version(mp4, part) == 1 ? 28 : 20), Version(mp4, part) == 1, scale);
                                break;
                            case "mdhd":
                                ScaleTiming(mp4, part.Content, scale);
                                break;
                            case "elst":
                                ScaleEntries(mp4, part, wide: Version(mp4, part) == 1, fieldsPerEntry: 2, scaledFields: 2, scale, trailingBytes: 4, emptyEditMarker: true);
                                break;
                            case "stts":
                            case "ctts":
                                // (sample count, delta or offset) pairs; only the second field is time.
                                ScaleEntries(mp4, part, wide: false, fieldsPerEntry: 2, scaledFields: 1, scale, trailingBytes: 0, skipFirst: true);
                                break;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>mvhd and mdhd: creation, modification, timescale, duration (32-bit in version 0, 64-bit times in 1).</summary>
    private static (uint Timescale, ulong Duration) ReadTiming(byte[] mp4, int content)
    {
        var wide = mp4[content] == 1;
        var at = content + 4 + (wide ? 16 : 8);
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at));
        var duration = wide ? BinaryPrimitives.ReadUInt64BigEndian(mp4.AsSpan(at + 4)) : BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at + 4));
        return (timescale, duration);
    }

    private static void ScaleTiming(byte[] mp4, int content, ulong scale)
    {
        var wide = mp4[content] == 1;
        var at = content + 4 + (wide ? 16 : 8);
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at));
        BinaryPrimitives.WriteUInt32BigEndian(mp4.AsSpan(at), checked((uint)(timescale * (ulong)TimescaleFactor)));
        ScaleField(mp4, at + 4, wide, scale);
    }

    /// <summary>Full-box entries after the entry count; each entry is <paramref name="fieldsPerEntry"/> time-sized fields plus trailing bytes.</summary>
    private static void ScaleEntries(byte[] mp4, Box box, bool wide, int fieldsPerEntry, int scaledFields, ulong scale, int trailingBytes, bool skipFirst = false, bool emptyEditMarker = false)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(box.Content + 4));
        var fieldSize = wide ? 8 : 4;
        var at = box.Content + 8;
        for (var entry = 0; entry < count && at < box.End; entry++)
        {
            for (var field = 0; field < fieldsPerEntry; field++, at += fieldSize)
            {
                var isTime = skipFirst ? field >= fieldsPerEntry - scaledFields : field < scaledFields;
                // An edit's media time of -1 (0xFFFFFFFF) means "empty edit", not a time.
                if (isTime && !(emptyEditMarker && AllOnes(mp4, at, fieldSize)))
                {
                    ScaleField(mp4, at, wide, scale);
                }
            }

            at += trailingBytes;
        }
    }

    private static void ScaleField(byte[] mp4, int at, bool wide, ulong scale)
    {
        if (wide)
        {
            BinaryPrimitives.WriteUInt64BigEndian(mp4.AsSpan(at), checked(BinaryPrimitives.ReadUInt64BigEndian(mp4.AsSpan(at)) * scale));
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(mp4.AsSpan(at), checked((uint)(BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at)) * scale)));
        }
    }

    private static bool AllOnes(byte[] mp4, int at, int length) => mp4.AsSpan(at, length).IndexOfAnyExcept((byte)0xFF) < 0;

    private static int Version(byte[] mp4, Box box) => mp4[box.Content];

    private readonly record struct Box(string Type, int Content, int End);

    private static Box? Find(byte[] mp4, int start, int end, string type) =>
        Boxes(mp4, start, end).Cast<Box?>().FirstOrDefault(box => box!.Value.Type == type);

    private static IEnumerable<Box> Children(byte[] mp4, Box parent) => Boxes(mp4, parent.Content, parent.End);

    /// <summary>Every box inside a track, depth first, through the containers that hold timing boxes.</summary>
    private static IEnumerable<Box> Descendants(byte[] mp4, Box parent)
    {
        foreach (var child in Children(mp4, parent))
        {
            yield return child;
            if (child.Type is "edts" or "mdia" or "minf" or "stbl")
            {
                foreach (var nested in Descendants(mp4, child))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<Box> Boxes(byte[] mp4, int start, int end)
    {
        for (var at = start; at + 8 <= end;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(at));
            if (size < 8 || at + size > end)
            {
                yield break;
            }

            yield return new Box(System.Text.Encoding.ASCII.GetString(mp4, at + 4, 4), at + 8, at + size);
            at += size;
        }
    }
}
