using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// The parts of a <c>POST /v3/files</c> form. The <c>file</c> part is streamed to disk as it arrives (never held in
/// memory), keeping only its first bytes, which are all the type detection reads; the text parts are small.
/// </summary>
internal sealed class UploadForm
{
    /// <summary>As many leading bytes as <see cref="MediaTypeSniffer"/> looks at.</summary>
    private const int HeadLength = 16;

    /// <summary>A text part longer than this is refused: they are a name, a purpose and a number.</summary>
    private const int MaxTextLength = 1024;

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    private UploadForm()
    {
    }

    /// <summary>The uploaded bytes on disk; null until the <c>file</c> part arrived.</summary>
    public string? Path { get; private set; }

    public long Bytes { get; private set; }

    public byte[] Head { get; private set; } = [];

    /// <summary>The file name the <c>file</c> part's Content-Disposition gave, if any.</summary>
    public string? PartFileName { get; private set; }

    public string? Field(string name) => _fields.GetValueOrDefault(name);

    /// <summary>The form as the request log keeps it: the text parts, and the file part as its size.</summary>
    public string Summary() => string.Join('&', _fields.Select(f => $"{f.Key}={f.Value}")
        .Prepend(Path is null ? "" : $"file=({Bytes} bytes{(PartFileName is null ? "" : ", " + PartFileName)})").Where(p => p.Length > 0));

    /// <summary>Reads the form; on a refusal any bytes already written are deleted.</summary>
    public static async Task<(UploadForm? Form, IResult? Refusal)> ReadAsync(HttpContext context, FileStore store)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, EmulatorState.Error(400, "invalid_request", "Upload a file as multipart/form-data with a 'file' part."));
        }

        // The emulator's own size limit applies (with its 413 in the v3 envelope), not the server's 30 MB default.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var form = new UploadForm();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (await form.ReadSectionAsync(section, store, context) is { } refusal)
                {
                    context.Items[RequestRecorder.BodySummaryKey] = form.Summary();
                    form.Discard();
                    return (null, refusal);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            form.Discard();
            return (null, EmulatorState.Error(400, "invalid_request", $"The multipart body is malformed: {exception.Message}"));
        }

        context.Items[RequestRecorder.BodySummaryKey] = form.Summary();
        if (form.Path is null)
        {
            return (null, EmulatorState.Error(400, "invalid_request", "The form has no 'file' part."));
        }

        return (form, null);
    }

    /// <summary>Deletes the uploaded bytes, for an upload that is refused.</summary>
    public void Discard() => FileStore.DeleteBytes(Path);

    private async Task<IResult?> ReadSectionAsync(MultipartSection section, FileStore store, HttpContext context)
    {
        var disposition = section.GetContentDispositionHeader();
        var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
        if (name is null)
        {
            return null;
        }

        if (name != "file")
        {
            var text = await ReadTextAsync(section.Body, context.RequestAborted);
            if (text is null)
            {
                return EmulatorState.Error(400, "invalid_request", $"The form field '{name}' is longer than {MaxTextLength} characters.");
            }

            _fields[name] = text;
            return null;
        }

        if (Path is not null)
        {
            return EmulatorState.Error(400, "invalid_request", "The form has more than one 'file' part.");
        }

        PartFileName = HeaderUtilities.RemoveQuotes(disposition!.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value is { Length: > 0 } given ? given : null;
        Path = store.NewUploadPath();
        return await CopyAsync(section.Body, store.Options.MaxFileBytes, context);
    }

    /// <summary>Streams the part to <see cref="Path"/>; past the limit it stops writing and reads the rest away.</summary>
    private async Task<IResult?> CopyAsync(Stream part, long maxBytes, HttpContext context)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var head = new byte[HeadLength];
        try
        {
            await using var output = new FileStream(Path!, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920, useAsync: true);
            int read;
            while ((read = await part.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                if (Bytes < HeadLength)
                {
                    buffer.AsSpan(0, (int)Math.Min(read, HeadLength - Bytes)).CopyTo(head.AsSpan((int)Bytes));
                }

                Bytes += read;
                if (Bytes > maxBytes)
                {
                    // Read the rest and drop it: a client still sending gets its 413 instead of a reset connection.
                    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                    return EmulatorState.Error(413, "file_too_large", $"The file is larger than the {maxBytes}-byte limit for one file.",
                        new JsonObject { ["max_bytes"] = maxBytes });
                }

                await output.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            }

            Head = head[..(int)Math.Min(Bytes, HeadLength)];
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string?> ReadTextAsync(Stream part, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(part, Encoding.UTF8, leaveOpen: true);
        var buffer = new char[MaxTextLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxTextLength ? null : new string(buffer, 0, length);
    }
}
