using System.Buffers.Binary;

namespace Opper.Typed;

/// <summary>
/// Whether a file is a whole MP4 by its top-level boxes: well formed, their sizes summing to the file's length, <c>ftyp</c>
/// first and a <c>moov</c> present. A body cut off mid-transfer fails this, so it is never called a clip.
/// </summary>
internal static class Mp4Container
{
    /// <summary>Whether the file's first box is an <c>ftyp</c>: MP4 by what it is, whatever a server called it.</summary>
    public static bool StartsWithFileType(FileStream file)
    {
        if (file.Length < 8)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[8];
        file.Position = 0;
        file.ReadExactly(header);
        return header[4..].SequenceEqual("ftyp"u8);
    }

    /// <summary>Null when whole; else what is wrong, for the exception.</summary>
    public static string? Problem(FileStream file)
    {
        var length = file.Length;
        var header = new byte[16];
        long position = 0;
        var first = true;
        var hasMovie = false;
        while (position < length)
        {
            if (length - position < 8)
            {
                return $"{length - position} stray bytes after the last box at {position}";
            }

            file.Position = position;
            file.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            if (size == 1)
            {
                if (length - position < 16)
                {
                    return $"box '{type}' at {position} is cut off";
                }

                file.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                size = length - position; // "to the end of the file"
            }

            if (first && type != "ftyp")
            {
                return $"the first box is '{type}', not 'ftyp'";
            }

            if (size < 8 || size > length - position)
            {
                return $"box '{type}' at {position} claims {size} bytes but the file has {length - position} from there";
            }

            hasMovie |= type == "moov";
            first = false;
            position += size;
        }

        return first ? "the file is empty" : hasMovie ? null : "there is no 'moov' box";
    }
}
