using System.Buffers.Binary;

namespace Opper.Typed;

/// <summary>
/// The timescale and duration of a movie header (<c>mvhd</c>) or a media header (<c>mdhd</c>), and where they lie, so
/// they can be read here and rewritten in place by the emulator. The one statement of their layout: after version and
/// flags come creation and modification times, 32-bit in version 0 and 64-bit in version 1, then the 32-bit timescale,
/// then the duration (32- or 64-bit likewise).
/// </summary>
internal readonly record struct Mp4Timing(uint Timescale, ulong Duration, long TimescaleAt, bool Wide)
{
    /// <summary>Where the duration field starts, right after the timescale.</summary>
    public long DurationAt => TimescaleAt + 4;

    /// <summary>How long the header says the movie or track plays, in seconds; null for a zero timescale.</summary>
    public double? Seconds => Timescale == 0 ? null : (double)Duration / Timescale;

    /// <summary>The timing of an <c>mvhd</c> or <c>mdhd</c> box, or null when the box is too short to hold it.</summary>
    public static Mp4Timing? Read(Stream stream, Mp4Box box)
    {
        if (box.End <= box.Content)
        {
            return null;
        }

        stream.Position = box.Content;
        var wide = stream.ReadByte() == 1;
        var timescaleAt = box.Content + 4 + (wide ? 16 : 8);
        Span<byte> fields = stackalloc byte[wide ? 12 : 8];
        if (timescaleAt + fields.Length > box.End)
        {
            return null;
        }

        stream.Position = timescaleAt;
        stream.ReadExactly(fields);
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(fields);
        var duration = wide ? BinaryPrimitives.ReadUInt64BigEndian(fields[4..]) : BinaryPrimitives.ReadUInt32BigEndian(fields[4..]);
        return new Mp4Timing(timescale, duration, timescaleAt, wide);
    }

    /// <summary>
    /// The movie's stated timing: the <c>mvhd</c> inside the top-level <c>moov</c>, found by walking boxes, so bytes that
    /// merely spell "mvhd" inside the media data never count. Null when the file has no readable movie header.
    /// </summary>
    public static Mp4Timing? OfMovie(Stream stream) =>
        Mp4Boxes.Find(stream, "moov", "mvhd") is { } header ? Read(stream, header) : null;
}
