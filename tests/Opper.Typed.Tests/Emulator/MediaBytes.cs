namespace Opper.Typed.Tests.Emulator;

/// <summary>Bytes that start like each media type the Files API accepts (type detection reads only the start), padded to a size.</summary>
internal static class MediaBytes
{
    public static byte[] Png(int size = 1024) => Padded([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 1024) => Padded([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] Gif(int size = 1024) => Padded("GIF89a"u8.ToArray(), size);

    public static byte[] WebP(int size = 1024) => Padded([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8], size);

    public static byte[] Mp4(int size = 1024) => Padded([0, 0, 0, 0x18, .. "ftypisom"u8], size);

    public static byte[] Mov(int size = 1024) => Padded([0, 0, 0, 0x14, .. "ftypqt  "u8], size);

    public static byte[] WebM(int size = 1024) => Padded([0x1A, 0x45, 0xDF, 0xA3], size);

    public static byte[] Text(int size = 1024) => Padded("hello, this is not media"u8.ToArray(), size);

    /// <summary>The head, then pseudo-random bytes (seeded by the size), so a stored copy that differs anywhere shows.</summary>
    private static byte[] Padded(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        new Random(size).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
