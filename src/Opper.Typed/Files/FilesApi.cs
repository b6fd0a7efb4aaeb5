using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Opper.Typed;

/// <summary>
/// The read and delete calls of the Files endpoints, on the client's API chain (retries for the GETs, a timeout per
/// attempt, same-origin redirects, the key), and the uploader on the upload chain.
/// </summary>
internal sealed class FilesApi(HttpClient api, FileUploader uploader, Func<string, Uri> apiUri, string apiKey)
{
    /// <summary>The page size <see cref="OpperFilesClient.ListAsync"/> asks for: the largest the API serves.</summary>
    public const int PageSize = 100;

    public FileUploader Uploader => uploader;

    public Task<FileListPage> ListPageAsync(int offset, CancellationToken cancellationToken) =>
        GetAsync(FormattableString.Invariant($"v3/files?limit={PageSize}&offset={offset}"), OpperJsonContext.Default.FileListPage, cancellationToken);

    /// <summary>Where a file's bytes are: a fresh presigned URL each call.</summary>
    public async Task<FileContent> ContentAsync(string fileId, CancellationToken cancellationToken)
    {
        var content = await GetAsync($"v3/files/{Uri.EscapeDataString(fileId)}/content", OpperJsonContext.Default.FileContent, cancellationToken).ConfigureAwait(false);
        return content is { Url.Length: > 0 }
            ? content
            : throw new OpperApiException(
                HttpStatusCode.OK, "missing_url", $"the content of file {fileId} has no download URL",
                "The file may still be processing or was not persisted (a zero-data-retention project); list it with client.Files.ListAsync to see its status.");
    }

    public async Task DeleteAsync(string fileId, CancellationToken cancellationToken)
    {
        using var response = await api.DeleteAsync(apiUri($"v3/files/{Uri.EscapeDataString(fileId)}"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw FileErrors.Map(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), response.Headers, apiKey);
        }
    }

    private async Task<T> GetAsync<T>(string relative, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await api.GetAsync(apiUri(relative), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw FileErrors.Map(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), response.Headers, apiKey);
        }

        // Buffered by the attempt handler: parsed from its bytes.
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (JsonSerializer.Deserialize(body, type) is { } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Reported below with the body's first line.
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new OpperApiException(
            response.StatusCode, "invalid_response", $"the answer to GET /{relative} could not be read: {BodyText.FirstLine(text)}",
            "The server is not speaking the Opper v3 API: check OpperVideoClientOptions.BaseAddress.");
    }
}
