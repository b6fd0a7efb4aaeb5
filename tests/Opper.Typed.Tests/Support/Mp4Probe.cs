using System.Buffers.Binary;

namespace Opper.Typed.Tests.Support;

/// <summary>Reads what a test needs from an MP4: that it is one (ftyp), and its video frame size (tkhd).</summary>
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
}
