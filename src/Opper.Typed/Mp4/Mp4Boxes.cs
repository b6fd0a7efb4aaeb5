namespace Opper.Typed;

/// <summary>
/// Walks the boxes of an MP4 from a seekable stream, reading only their headers, so a clip of any length is inspected
/// without loading it. Shared by the download check, the emulator's retimer and the CLI's duration (InternalsVisibleTo).
/// Every read seeks to its own offset first, so walks may interleave with other reads of the same stream.
/// </summary>
internal static class Mp4Boxes
{
    /// <summary>The boxes side by side in [<paramref name="start"/>, <paramref name="end"/>), up to the first that does not fit.</summary>
    public static IEnumerable<Mp4Box> In(Stream stream, long start, long end)
    {
        for (var at = start; Mp4Box.TryRead(stream, at, end, out _) is { } box; at = box.End)
        {
            yield return box;
        }
    }

    /// <summary>The top-level boxes of the whole stream.</summary>
    public static IEnumerable<Mp4Box> Of(Stream stream) => In(stream, 0, stream.Length);

    /// <summary>The boxes inside <paramref name="parent"/> (a container such as <c>moov</c> or <c>trak</c>).</summary>
    public static IEnumerable<Mp4Box> Children(Stream stream, Mp4Box parent) => In(stream, parent.Content, parent.End);

    /// <summary>The first box of <paramref name="type"/> among <paramref name="boxes"/>, or null.</summary>
    public static Mp4Box? First(IEnumerable<Mp4Box> boxes, string type)
    {
        foreach (var box in boxes)
        {
            if (box.Type == type)
            {
                return box;
            }
        }

        return null;
    }

    /// <summary>
    /// The box at <paramref name="path"/> from the top, e.g. <c>moov</c>, <c>mvhd</c>: the first of each type on the way
    /// down, so a type's bytes inside another box's payload (an <c>mdat</c> holds anything) are never mistaken for it.
    /// </summary>
    public static Mp4Box? Find(Stream stream, params string[] path)
    {
        Mp4Box? found = null;
        foreach (var type in path)
        {
            found = First(found is { } parent ? Children(stream, parent) : Of(stream), type);
            if (found is null)
            {
                return null;
            }
        }

        return found;
    }
}
