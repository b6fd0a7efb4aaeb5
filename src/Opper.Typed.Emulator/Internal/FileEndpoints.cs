using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Emulator.Internal;

/// <summary>The Files API (<c>/v3/files</c>): upload, list, content URL and delete, behind the API's auth and faults.</summary>
internal static class FileEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost("/v3/files", (Func<HttpContext, Task<IResult>>)(context => UploadAsync(context, state)));
        app.MapGet("/v3/files", (string? limit, string? offset) => List(state, limit, offset));
        app.MapGet("/v3/files/{id}/content", (string id) => Content(state, id));
        app.MapDelete("/v3/files/{id}", (string id) => Delete(state, id));
    }

    private static async Task<IResult> UploadAsync(HttpContext context, EmulatorState state)
    {
        var (form, refusal) = await UploadForm.ReadAsync(context, state.Files);
        if (form is null)
        {
            return refusal!;
        }

        if (Check(form, state.Files.Options) is { } problem)
        {
            form.Discard();
            return problem;
        }

        var now = state.Now;
        var ttl = form.Field("ttl_seconds") is { } asked
            ? TimeSpan.FromSeconds(Math.Min(long.Parse(asked, CultureInfo.InvariantCulture), (long)state.Files.Options.DefaultTimeToLive.TotalSeconds))
            : state.Files.Options.DefaultTimeToLive;
        var file = new StoredFile(FileStore.NewId(), form.Bytes, now, now + ttl, Filename(form), MediaTypeSniffer.Sniff(form.Head)!,
            form.Field("purpose") ?? StoredFile.ReferenceMediaPurpose, state.Files.NextSequence()) { Path = form.Path };
        if (state.Files.TryAdd(file, now) is { } usage)
        {
            form.Discard();
            var options = state.Files.Options;
            return EmulatorState.Error(403, "storage_quota_exceeded",
                $"The organization's storage quota ({options.QuotaBytes} bytes, {options.MaxFiles} files) has no room for {file.Bytes} more bytes: {usage.UsedBytes} bytes in {usage.Files} files are in use. Delete files you no longer need.",
                new JsonObject { ["quota_bytes"] = options.QuotaBytes, ["used_bytes"] = usage.UsedBytes, ["max_files"] = options.MaxFiles, ["files"] = usage.Files });
        }

        return EmulatorState.Json(file.ToJson());
    }

    /// <summary>The form's purpose, type (from the bytes) and lifetime, or the 400 that refuses them.</summary>
    private static IResult? Check(UploadForm form, EmulatorFileOptions options)
    {
        // Opper documents one upload purpose; refusing the rest catches a typo instead of storing it under a word nothing reads.
        if (form.Field("purpose") is { } purpose && purpose != StoredFile.ReferenceMediaPurpose)
        {
            return EmulatorState.Error(400, "invalid_request", $"Unknown purpose '{purpose}': an upload's purpose is '{StoredFile.ReferenceMediaPurpose}'.");
        }

        // The type is told from the bytes only: a file's name and its part's Content-Type are the client's claims.
        if (MediaTypeSniffer.Sniff(form.Head) is null)
        {
            return EmulatorState.Error(400, "unsupported_file_type",
                $"The file's bytes are not a PNG, JPEG, WebP, GIF, MP4, WebM or MOV, which is what purpose '{StoredFile.ReferenceMediaPurpose}' accepts.");
        }

        if (form.Field("ttl_seconds") is { } ttl && !(long.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0))
        {
            return EmulatorState.Error(400, "invalid_request",
                $"'ttl_seconds' must be a whole number of seconds above zero (at most {(long)options.DefaultTimeToLive.TotalSeconds}; a longer one is capped), not '{ttl}'.");
        }

        return null;
    }

    private static string Filename(UploadForm form) =>
        form.Field("filename") is { Length: > 0 } given ? given : form.PartFileName ?? "upload";

    private static IResult List(EmulatorState state, string? limitText, string? offsetText)
    {
        var limit = DefaultLimit;
        var offset = 0;
        if ((limitText is not null && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
            || (offsetText is not null && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return EmulatorState.Error(400, "invalid_request", $"'limit' must be a whole number from 1 to {MaxLimit} (default {DefaultLimit}) and 'offset' one from 0.");
        }

        var (page, total) = state.Files.Page(state.Now, offset, limit);
        return EmulatorState.Json(new JsonObject
        {
            ["data"] = new JsonArray(page.Select(file => (JsonNode)file.ToJson()).ToArray()),
            ["meta"] = new JsonObject { ["limit"] = limit, ["offset"] = offset, ["total"] = total },
        });
    }

    private static IResult Content(EmulatorState state, string id)
    {
        var now = state.Now;
        if (state.Files.Find(id, now) is not { } file)
        {
            return NotFound(id);
        }

        return EmulatorState.Json(new JsonObject
        {
            ["bytes"] = file.Bytes,
            ["mime_type"] = file.MimeType,
            ["url"] = state.Signer.Sign(state.DownloadBase, DownloadEndpoints.FilePath(file.Id), now + state.Options.UrlLifetime),
        });
    }

    private static IResult Delete(EmulatorState state, string id) =>
        state.Files.Delete(id, state.Now)
            ? EmulatorState.Json(new JsonObject { ["id"] = id, ["object"] = "file", ["deleted"] = true })
            : NotFound(id);

    private static IResult NotFound(string id) => EmulatorState.Error(404, "not_found", $"No file '{id}': it does not exist, has expired or was deleted.");
}
