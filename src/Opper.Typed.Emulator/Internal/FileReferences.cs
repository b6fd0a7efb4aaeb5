using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// Resolves the file ids in a <c>POST /v3/videos</c> body, as Opper does before it hands each provider the form it
/// takes: the file must be live, and its type (told from its bytes at upload) must fit the field.
/// </summary>
internal static class FileReferences
{
    public static SubmissionValidator.Rejection? Check(JsonObject request, FileStore files, DateTimeOffset now)
    {
        foreach (var (field, value) in SubmissionValidator.MediaFields(request))
        {
            if (value?.GetValueKind() != JsonValueKind.String || MediaInput.Parse(value.GetValue<string>()) is not { Kind: MediaSourceKind.FileId } media)
            {
                continue;
            }

            var details = new JsonObject { ["field"] = field, ["file_id"] = media.Value };
            if (files.Find(media.Value, now) is not { } file)
            {
                return new SubmissionValidator.Rejection(400, "file_not_found",
                    $"'{field}' names file '{media.Value}', which does not exist, has expired or was deleted.", details);
            }

            var (wanted, article) = field == "video" ? ("video", "a") : ("image", "an");
            if (!file.MimeType.StartsWith(wanted + "/", StringComparison.Ordinal))
            {
                return new SubmissionValidator.Rejection(400, "invalid_media",
                    $"'{field}' takes {article} {wanted}, but file '{file.Id}' is {file.MimeType}.", details);
            }
        }

        return null;
    }
}
