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
        // The runtime's box reader finds the offsets; the rewrite writes into the copy at them.
        using var stream = new MemoryStream(copy, writable: false);
        var moov = Mp4Boxes.Find(stream, "moov");
        var timing = moov is { } m && Mp4Boxes.First(Mp4Boxes.Children(stream, m), "mvhd") is { } mvhd ? Mp4Timing.Read(stream, mvhd) : null;
        if (timing is not { Timescale: > 0, Duration: > 0 } movie || seconds <= 0)
        {
            return null;
        }

        var scale = (ulong)Math.Round(seconds * movie.Timescale / movie.Duration * TimescaleFactor);
        if (scale == 0)
        {
            return null; // shorter than a thousandth of the fixture: nothing playable to stretch to
        }

        try
        {
            Retime(copy, stream, moov!.Value, scale);
            return copy;
        }
        catch (OverflowException)
        {
            return null; // a stretch too long for 32-bit fields: serve the fixture unchanged
        }
    }

    private static void Retime(byte[] mp4, Stream stream, Mp4Box moov, ulong scale)
    {
        foreach (var box in Mp4Boxes.Children(stream, moov))
        {
            switch (box.Type)
            {
                case "mvhd":
                    ScaleTiming(mp4, stream, box, scale);
                    break;
                case "trak":
                    foreach (var part in Descendants(stream, box))
                    {
                        switch (part.Type)
                        {
                            case "tkhd":
                                // version, flags, creation, modification, track id, reserved, then the duration.
                                ScaleField(mp4, At(part) + (Version(mp4, part) == 1 ? 28 : 20), Version(mp4, part) == 1, scale);
                                break;
                            case "mdhd":
                                ScaleTiming(mp4, stream, part, scale);
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

    /// <summary>mvhd and mdhd: the timescale times 1000 and the duration times the scale, where <see cref="Mp4Timing"/> found them.</summary>
    private static void ScaleTiming(byte[] mp4, Stream stream, Mp4Box box, ulong scale)
    {
        if (Mp4Timing.Read(stream, box) is not { } timing)
        {
            return;
        }

        BinaryPrimitives.WriteUInt32BigEndian(mp4.AsSpan((int)timing.TimescaleAt), checked((uint)(timing.Timescale * (ulong)TimescaleFactor)));
        ScaleField(mp4, (int)timing.DurationAt, timing.Wide, scale);
    }

    /// <summary>Full-box entries after the entry count; each entry is <paramref name="fieldsPerEntry"/> time-sized fields plus trailing bytes.</summary>
    private static void ScaleEntries(byte[] mp4, Mp4Box box, bool wide, int fieldsPerEntry, int scaledFields, ulong scale, int trailingBytes, bool skipFirst = false, bool emptyEditMarker = false)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(At(box) + 4));
        var fieldSize = wide ? 8 : 4;
        var at = At(box) + 8;
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

    private static int Version(byte[] mp4, Mp4Box box) => mp4[At(box)];

    /// <summary>Where a box's content starts in the copy: a fixture is a byte array, so its offsets fit an int.</summary>
    private static int At(Mp4Box box) => (int)box.Content;

    /// <summary>Every box inside a track, depth first, through the containers that hold timing boxes.</summary>
    private static IEnumerable<Mp4Box> Descendants(Stream stream, Mp4Box parent)
    {
        foreach (var child in Mp4Boxes.Children(stream, parent))
        {
            yield return child;
            if (child.Type is "edts" or "mdia" or "minf" or "stbl")
            {
                foreach (var nested in Descendants(stream, child))
                {
                    yield return nested;
                }
            }
        }
    }
}
