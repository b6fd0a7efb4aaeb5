using System.Net.Http.Headers;

namespace Opper.Typed;

/// <summary>Fetching a URL's bytes to send them inline, for providers that do not fetch URLs themselves (Veo).</summary>
public sealed partial class MediaInput
{
    private static readonly Lazy<HttpClient> DownloadClient = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }));

    /// <summary>
    /// Downloads an image or video and returns it as a data-URI, for a provider that takes no http(s) URLs (Veo).
    /// The media type comes from the bytes, else from the response's <c>Content-Type</c>.
    /// </summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <param name="httpClient">The client to download with; a shared one when null.</param>
    /// <param name="maxBytes">The largest download accepted (default <see cref="DefaultMaxBytes"/>).</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The content as a data-URI input.</returns>
    /// <exception cref="ArgumentException">Not an http(s) URL, larger than <paramref name="maxBytes"/>, or not a recognisable image or video.</exception>
    /// <exception cref="HttpRequestException">The server answered with an error status.</exception>
    public static async Task<MediaInput> DownloadAsDataUriAsync(string url, HttpClient? httpClient = null, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        var source = FromUrl(url);
        using var response = await (httpClient ?? DownloadClient.Value)
            .GetAsync(new Uri(source.Value), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Downloading '{Shorten(url)}' to inline it failed with {(int)response.StatusCode} {response.StatusCode}.", null, response.StatusCode);
        }

        var what = $"The download of '{Shorten(url)}'";
        if (response.Content.Headers.ContentLength is { } announced)
        {
            EnsureWithinCap(announced, maxBytes, what);
        }

        using var buffer = new MemoryStream();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                EnsureWithinCap(buffer.Length, maxBytes, what);
            }
        }

        var bytes = buffer.ToArray();
        return FromBytesCore(bytes, MediaTypeSniffer.Sniff(bytes) ?? MediaTypeOf(response.Content.Headers.ContentType), what);
    }

    private static string? MediaTypeOf(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } type && (type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal)) ? type : null;
}
