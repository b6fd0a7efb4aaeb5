using System.Buffers.Binary;

namespace Opper.Typed.Cli.Jobs;

/// <summary>A clip's length from its MP4 movie header (mvhd), to report what was generated without a media library.</summary>
internal static class Mp4Duration
{
    public static double? Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("mvhd"u8);
        if (at < 0 || at + 28 > bytes.Length)
        {
            return null;
        }

        var box = bytes.AsSpan(at + 4);
        // Version 0: 32-bit times, timescale at 12 and duration at 16; version 1: 64-bit, at 20 and 24.
        var (timescale, duration) = box[0] == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(box[20..]), BinaryPrimitives.ReadUInt64BigEndian(box[24..]))
            : (BinaryPrimitives.ReadUInt32BigEndian(box[12..]), (ulong)BinaryPrimitives.ReadUInt32BigEndian(box[16..]));
        return timescale == 0 ? null : (double)duration / timescale;
    }
}
