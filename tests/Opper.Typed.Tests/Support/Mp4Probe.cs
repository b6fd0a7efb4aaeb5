using System.Buffers.Binary;

namespace Opper.Typed.Tests.Support;

/// <summary>Reads what a test needs from an MP4: that it is one (ftyp), its video frame size (tkhd), and how long it plays.</summary>
internal static class Mp4Probe
{
    public static bool HasFtyp(byte[] file) => file.Length >= 12 && file.AsSpan(4, 4).SequenceEqual("ftyp"u8);

    public static (int Width, int Height) FrameSize(byte[] file)
    {
        var span = file.AsSpan();
        for (var at = span.IndexOf("tkhd"u8); at >= 0;)
        {
            // The box is [size][tkhd][version/flags]…; width and height are the last 8 bytes, 16.16 fixed point.
            var boxStart = at - 4;
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(span[boxStart..]);
            var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(span[(boxStart + size - 8)..]) >> 16);
            var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(span[(boxStart + size - 4)..]) >> 16);
            if (width > 0 && height > 0)
            {
                return (width, height);
            }

            var next = span[(at + 4)..].IndexOf("tkhd"u8);
            at = next < 0 ? -1 : at + 4 + next;
        }

        throw new InvalidDataException("No video track header (tkhd) with a frame size.");
    }

    /// <summary>
    /// How long the frames play, as a player counts it: the sample durations of the time-to-sample table (stts) over
    /// the media timescale (mdhd), not the header's stated total, which a player does not trust on its own.
    /// </summary>
    public static double PlayedSeconds(byte[] file)
    {
        var span = file.AsSpan();
        var mdhd = span.IndexOf("mdhd"u8) + 4;
        var wide = span[mdhd] == 1;
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(span[(mdhd + 4 + (wide ? 16 : 8))..]);
        var stts = span.IndexOf("stts"u8) + 4;
        var entries = BinaryPrimitives.ReadUInt32BigEndian(span[(stts + 4)..]);
        ulong ticks = 0;
        for (var entry = 0; entry < entries; entry++)
        {
            var at = stts + 8 + (entry * 8);
            ticks += (ulong)BinaryPrimitives.ReadUInt32BigEndian(span[at..]) * BinaryPrimitives.ReadUInt32BigEndian(span[(at + 4)..]);
        }

        return (double)ticks / timescale;
    }

    /// <summary>The movie header's (mvhd) duration over its timescale: what a file's metadata claims.</summary>
    public static double StatedSeconds(byte[] file)
    {
        var span = file.AsSpan();
        var mvhd = span.IndexOf("mvhd"u8) + 4;
        var wide = span[mvhd] == 1;
        var at = mvhd + 4 + (wide ? 16 : 8);
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(span[at..]);
        var duration = wide ? BinaryPrimitives.ReadUInt64BigEndian(span[(at + 4)..]) : BinaryPrimitives.ReadUInt32BigEndian(span[(at + 4)..]);
        return (double)duration / timescale;
    }
}
