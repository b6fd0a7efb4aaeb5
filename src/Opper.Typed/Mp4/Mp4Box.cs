using System.Buffers.Binary;

namespace Opper.Typed;

/// <summary>
/// One box of an MP4 (ISO BMFF) file: its four-letter type and where it lies. <see cref="Start"/> is the offset of its
/// header, <see cref="Content"/> of what follows the header, <see cref="End"/> of the next byte after it.
/// </summary>
internal readonly record struct Mp4Box(string Type, long Start, long Size, int HeaderSize)
{
    public long Content => Start + HeaderSize;

    public long End => Start + Size;

    /// <summary>
    /// Reads the box header at <paramref name="at"/> of a seekable stream, within a parent ending at <paramref name="end"/>:
    /// a 32-bit size, a 64-bit <c>largesize</c> after the type when that size is 1, or "to the end of the parent" when it
    /// is 0 (both are legal and appear in long recordings). Null when the header is not a box that fits; then
    /// <paramref name="problem"/> says why, worded for an exception about a cut-off download.
    /// </summary>
    public static Mp4Box? TryRead(Stream stream, long at, long end, out string? problem)
    {
        Span<byte> header = stackalloc byte[16];
        if (end - at < 8)
        {
            problem = $"{end - at} stray bytes after the last box at {at}";
            return null;
        }

        stream.Position = at;
        stream.ReadExactly(header[..8]);
        long size = BinaryPrimitives.ReadUInt32BigEndian(header);
        var type = System.Text.Encoding.ASCII.GetString(header.Slice(4, 4));
        var headerSize = 8;
        if (size == 1)
        {
            if (end - at < 16)
            {
                problem = $"box '{type}' at {at} is cut off";
                return null;
            }

            stream.ReadExactly(header[8..]);
            var large = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            size = large > long.MaxValue ? long.MaxValue : (long)large;
            headerSize = 16;
        }
        else if (size == 0)
        {
            size = end - at;
        }

        if (size < headerSize || size > end - at)
        {
            problem = $"box '{type}' at {at} claims {size} bytes but the file has {end - at} from there";
            return null;
        }

        problem = null;
        return new Mp4Box(type, at, size, headerSize);
    }
}
