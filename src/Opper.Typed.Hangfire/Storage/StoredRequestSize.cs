using System.Text;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// Keeps inline media out of the job storage past a limit: every read of the job reads its request, so a data-URI
/// image of megabytes makes every step slow, and some storages cap a value's size. Refused at enqueue, with the fix.
/// </summary>
internal static class StoredRequestSize
{
    /// <returns>The request's JSON, when it fits.</returns>
    /// <exception cref="OpperValidationException">It does not; names the largest inline field, the limit and the fix.</exception>
    public static string Check(VideoWireRequest wire, int limit)
    {
        var json = VideoJobStore.SerializeRequest(wire);
        var size = Encoding.UTF8.GetByteCount(json);
        if (size <= limit)
        {
            return json;
        }

        var (field, inline) = LargestMedia(wire);
        var what = inline > 0 ? $"is inline data of {Kib(inline)}, which makes the request {Kib(size)}" : $"makes the request {Kib(size)}";
        throw new OpperValidationException(
            wire.Model, field, $"{what}, over the {Kib(limit)} a durable job stores with itself (OpperVideoJobOptions.MaxStoredRequestBytes)",
            "Upload it with client.Files.UploadAsync and pass MediaInput.FromFileId(file.Id) instead (a file id is stored as it is, and every provider takes it), or raise OpperVideoJobOptions.MaxStoredRequestBytes. Nothing was enqueued.")
        {
            ErrorCode = "request_too_large",
        };
    }

    private static (string Field, int Length) LargestMedia(VideoWireRequest wire)
    {
        (string Field, int Length) largest = ("prompt", 0);
        Consider("image", wire.Image);
        Consider("video", wire.Video);
        for (var i = 0; i < (wire.ReferenceImages?.Count ?? 0); i++)
        {
            Consider($"reference_images[{i}]", wire.ReferenceImages![i]);
        }

        return largest;

        void Consider(string field, string? value)
        {
            if (value is not null && value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && value.Length > largest.Length)
            {
                largest = (field, value.Length);
            }
        }
    }

    private static string Kib(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");
}
