namespace Opper.Typed;

/// <summary>
/// Which media types a purpose accepts, checked from the file's first bytes before anything is sent: Opper detects the
/// type from the bytes and refuses what the purpose does not take, after the upload has been paid for in time (and a
/// gigabyte of bandwidth). A purpose this build does not know is left to the server.
/// </summary>
internal static class FilePurposes
{
    private static readonly string[] ReferenceMediaTypes =
        ["image/png", "image/jpeg", "image/webp", "image/gif", "video/mp4", "video/webm", "video/quicktime"];

    /// <summary>The media type the head shows, or null; throws when the purpose is known and does not take it.</summary>
    /// <param name="purpose">The purpose the file is uploaded for.</param>
    /// <param name="head">The file's first bytes (<see cref="MediaTypeSniffer.HeadLength"/>, fewer for a short file).</param>
    /// <param name="fileName">The file name, for the message.</param>
    /// <exception cref="OpperValidationException">The purpose does not accept these bytes; nothing was sent.</exception>
    public static string? Check(string purpose, ReadOnlySpan<byte> head, string fileName)
    {
        var mediaType = MediaTypeSniffer.Sniff(head);
        if (purpose == OpperFileUploadOptions.ReferenceMedia && (mediaType is null || Array.IndexOf(ReferenceMediaTypes, mediaType) < 0))
        {
            throw new OpperValidationException(
                "Files.UploadAsync",
                "file",
                $"('{fileName}') is not a PNG, JPEG, WebP or GIF image nor an MP4, WebM or MOV video, which is what purpose '{purpose}' accepts (its first bytes say {mediaType ?? "none of these"})",
                "Convert it to one of those formats, or set OpperFileUploadOptions.Purpose for another kind of file. Nothing was sent.")
            {
                ErrorCode = "unsupported_file_type",
            };
        }

        return mediaType;
    }
}
