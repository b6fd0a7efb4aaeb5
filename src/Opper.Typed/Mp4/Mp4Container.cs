namespace Opper.Typed;

/// <summary>
/// Whether a file is a whole MP4 by its top-level boxes: well formed, their sizes summing to the file's length, <c>ftyp</c>
/// first and a <c>moov</c> present. A body cut off mid-transfer fails this, so it is never called a clip.
/// </summary>
internal static class Mp4Container
{
    /// <summary>Whether the file's first box is an <c>ftyp</c>: MP4 by what it is, whatever a server called it.</summary>
    public static bool StartsWithFileType(Stream file) => FirstType(file) == "ftyp";

    /// <summary>Null when whole; else what is wrong, for the exception.</summary>
    public static string? Problem(Stream file)
    {
        var length = file.Length;
        long position = 0;
        var hasMovie = false;
        while (position < length)
        {
            if (Mp4Box.TryRead(file, position, length, out var problem) is not { } box)
            {
                // The first box's type is the more telling problem when it is not an MP4 at all.
                return position == 0 && FirstType(file) is { } type and not "ftyp" ? $"the first box is '{type}', not 'ftyp'" : problem;
            }

            if (position == 0 && box.Type != "ftyp")
            {
                return $"the first box is '{box.Type}', not 'ftyp'";
            }

            hasMovie |= box.Type == "moov";
            position = box.End;
        }

        return position == 0 ? "the file is empty" : hasMovie ? null : "there is no 'moov' box";
    }

    private static string? FirstType(Stream file)
    {
        if (file.Length < 8)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[8];
        file.Position = 0;
        file.ReadExactly(header);
        return System.Text.Encoding.ASCII.GetString(header[4..]);
    }
}
