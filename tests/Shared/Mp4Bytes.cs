using System.Buffers.Binary;
using System.Text;

namespace Opper.Typed.Testing;

/// <summary>
/// Hand-built MP4 boxes for tests of the box reader: each written byte by byte from the ISO BMFF layout, independently
/// of the reader under test (linked into each test project that needs it).
/// </summary>
internal static class Mp4Bytes
{
    /// <summary>A box with a 32-bit size.</summary>
    public static byte[] Box(string type, params byte[][] content)
    {
        var body = content.SelectMany(part => part).ToArray();
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4));
        body.CopyTo(box, 8);
        return box;
    }

    /// <summary>A box with size 1 and a 64-bit <c>largesize</c> after its type, as long recordings write <c>mdat</c>.</summary>
    public static byte[] LargeBox(string type, params byte[][] content)
    {
        var body = content.SelectMany(part => part).ToArray();
        var box = new byte[16 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, 1);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4));
        BinaryPrimitives.WriteUInt64BigEndian(box.AsSpan(8), (ulong)box.Length);
        body.CopyTo(box, 16);
        return box;
    }

    /// <summary>A box with size 0: "to the end of the file".</summary>
    public static byte[] ToEndBox(string type, byte[] content)
    {
        var box = Box(type, content);
        BinaryPrimitives.WriteUInt32BigEndian(box, 0);
        return box;
    }

    public static byte[] FileType() => Box("ftyp", Encoding.ASCII.GetBytes("isom"), new byte[4], Encoding.ASCII.GetBytes("isomiso2mp41"));

    /// <summary>A movie header: version 0 with 32-bit times and duration, or version 1 with 64-bit ones.</summary>
    public static byte[] MovieHeader(uint timescale, ulong duration, int version = 0)
    {
        var wide = version == 1;
        var fields = new byte[4 + (wide ? 16 : 8) + 4 + (wide ? 8 : 4) + 80];
        fields[0] = (byte)version;
        var at = 4 + (wide ? 16 : 8);
        BinaryPrimitives.WriteUInt32BigEndian(fields.AsSpan(at), timescale);
        if (wide)
        {
            BinaryPrimitives.WriteUInt64BigEndian(fields.AsSpan(at + 4), duration);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(fields.AsSpan(at + 4), checked((uint)duration));
        }

        return Box("mvhd", fields);
    }

    /// <summary>Media data that happens to hold the bytes of a movie header claiming <paramref name="seconds"/> (at timescale 1).</summary>
    public static byte[] MediaDataSpellingMvhd(uint seconds) => Box("mdat", new byte[32], MovieHeader(1, seconds), new byte[32]);

    public static byte[] Concat(params byte[][] boxes) => boxes.SelectMany(box => box).ToArray();
}
