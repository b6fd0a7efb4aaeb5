using Opper.Typed.Core.Media;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Opper.Typed;

/// <summary>
/// An image or video input: an http(s) URL, a base64 data-URI, a <c>gs://</c> URI or an Opper file id (<c>file_…</c>,
/// which every model accepts). Which of the other kinds a model accepts
/// depends on its provider (Veo takes no http URL; Pruna and xAI take no data-URI), which the analyzer and
/// <see cref="VideoRequestValidator"/> check. A plain string converts implicitly and is classified by its scheme.
/// </summary>
public sealed partial class MediaInput : IEquatable<MediaInput>
{
    /// <summary>The default cap on the raw size of <see cref="FromFile"/> / <see cref="FromBytes"/> content: 20 MiB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>
    /// The wire values (by reference) made here from local bytes (<see cref="FromFile"/>, <see cref="FromBytes"/>): a
    /// request's wire body carries only strings, and the client uploads local media a provider cannot take inline, never
    /// a data-URI the caller wrote. Weak, so a value lives exactly as long as the requests that hold it.
    /// </summary>
    private static readonly ConditionalWeakTable<string, object?> LocalValues = new();

    private MediaInput(string value, MediaSourceKind kind, string? mediaType)
    {
        Value = value;
        Kind = kind;
        MediaType = mediaType;
    }

    /// <summary>The value sent on the wire.</summary>
    public string Value { get; }

    /// <summary>How the provider receives it.</summary>
    public MediaSourceKind Kind { get; }

    /// <summary>The media type of a data-URI (for example <c>image/png</c>); null for URLs.</summary>
    public string? MediaType { get; }

    /// <summary>An absolute http(s) URL that the provider's servers fetch.</summary>
    /// <param name="url">The URL.</param>
    /// <exception cref="ArgumentException">Not an absolute http or https URL.</exception>
    public static MediaInput FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{Shorten(url)}' is not an absolute URL. Use MediaInput.FromFile for a local file.", nameof(url));
        }

        return FromUrl(uri);
    }

    /// <inheritdoc cref="FromUrl(string)" />
    public static MediaInput FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"'{Shorten(url.OriginalString)}' is not an http(s) URL. Use FromGcs for gs:// and FromFile for a local file.", nameof(url));
        }

        return new MediaInput(url.OriginalString, MediaSourceKind.Url, null);
    }

    /// <summary>A base64 data-URI, <c>data:&lt;media type&gt;;base64,&lt;data&gt;</c>.</summary>
    /// <param name="dataUri">The data-URI.</param>
    /// <exception cref="ArgumentException">Not a base64 data-URI with a media type.</exception>
    public static MediaInput FromDataUri(string dataUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataUri);
        return MediaSourceClassifier.DataUriMediaType(dataUri) is { } mediaType
            ? new MediaInput(dataUri, MediaSourceKind.DataUri, mediaType)
            : throw new ArgumentException(
                $"'{Shorten(dataUri)}' is not a base64 data-URI of the form data:<media type>;base64,<data>. Use FromBytes to build one.", nameof(dataUri));
    }

    /// <summary>A Google Cloud Storage object, <c>gs://bucket/object</c> (Veo only; Opper's service account must be able to read it).</summary>
    /// <param name="gcsUri">The <c>gs://</c> URI.</param>
    /// <exception cref="ArgumentException">Not a <c>gs://bucket/object</c> URI.</exception>
    public static MediaInput FromGcs(string gcsUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gcsUri);
        var rest = gcsUri.StartsWith("gs://", StringComparison.Ordinal) ? gcsUri[5..] : null;
        var slash = rest?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (rest is null || slash <= 0 || slash == rest.Length - 1)
        {
            throw new ArgumentException($"'{Shorten(gcsUri)}' is not a gs://bucket/object URI.", nameof(gcsUri));
        }

        return new MediaInput(gcsUri, MediaSourceKind.GcsUri, null);
    }

    /// <summary>
    /// An Opper file id, <c>file_…</c>: a file uploaded with <c>OpperVideoClient.Files.UploadAsync</c>, or a finished job's
    /// stored output (<see cref="VideoStatus.FileId"/>). Opper resolves it per provider into the form that provider takes,
    /// so it is the one media form every model accepts.
    /// </summary>
    /// <param name="fileId">The file id, e.g. <c>file_abc123</c>.</param>
    /// <exception cref="ArgumentException">Not <c>file_</c> followed by letters, digits, <c>-</c> or <c>_</c>.</exception>
    public static MediaInput FromFileId(string fileId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return MediaSourceClassifier.IsFileId(fileId)
            ? new MediaInput(fileId, MediaSourceKind.FileId, null)
            : throw new ArgumentException(
                $"'{Shorten(fileId)}' is not an Opper file id: it is 'file_' followed by letters, digits, '-' or '_', as returned by Files.UploadAsync or VideoStatus.FileId.", nameof(fileId));
    }

    /// <summary>Reads a local image or video into a data-URI; the media type comes from the file's bytes, not its name.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest file accepted (default <see cref="DefaultMaxBytes"/>).</param>
    /// <exception cref="ArgumentException">The file is larger than <paramref name="maxBytes"/> or not a PNG, JPEG, WebP, GIF, MP4 or WebM.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static MediaInput FromFile(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var length = new FileInfo(path).Exists ? new FileInfo(path).Length : throw new FileNotFoundException($"Media file '{path}' does not exist.", path);
        EnsureWithinCap(length, maxBytes, $"File '{path}'");
        return FromBytesCore(File.ReadAllBytes(path), mediaType: null, $"File '{path}'");
    }

    /// <summary>Encodes bytes as a data-URI.</summary>
    /// <param name="bytes">The image or video bytes.</param>
    /// <param name="mediaType">The media type; sniffed from the bytes when null.</param>
    /// <param name="maxBytes">The most bytes accepted (default <see cref="DefaultMaxBytes"/>).</param>
    /// <exception cref="ArgumentException">Too large, or the type cannot be told and none was given.</exception>
    public static MediaInput FromBytes(ReadOnlySpan<byte> bytes, string? mediaType = null, long maxBytes = DefaultMaxBytes)
    {
        EnsureWithinCap(bytes.Length, maxBytes, "The media bytes");
        return FromBytesCore(bytes, mediaType, "The media bytes");
    }

    /// <summary>Classifies a string by its form: <c>data:</c>, <c>gs://</c>, <c>http(s)://</c>, <c>file_…</c>; anything else is <see cref="MediaSourceKind.Unknown"/> and rejected before sending.</summary>
    /// <param name="value">The URL or URI.</param>
    [return: NotNullIfNotNull(nameof(value))]
    public static implicit operator MediaInput?(string? value) => value is null ? null : Parse(value);

    /// <summary>Classifies a string by its scheme without throwing; see the implicit conversion.</summary>
    /// <param name="value">The URL or URI.</param>
    public static MediaInput Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var kind = MediaSourceClassifier.Classify(value);
        return new MediaInput(value, kind, kind == MediaSourceKind.DataUri ? MediaSourceClassifier.DataUriMediaType(value) : null);
    }

    /// <inheritdoc />
    public bool Equals(MediaInput? other) => other is not null && Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MediaInput);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>A short form: data-URIs are not printed whole.</summary>
    public override string ToString() => Kind == MediaSourceKind.DataUri ? $"data:{MediaType};base64,… ({Value.Length} chars)" : Value;

    private static MediaInput FromBytesCore(ReadOnlySpan<byte> bytes, string? mediaType, string what)
    {
        mediaType ??= MediaTypeSniffer.Sniff(bytes)
            ?? throw new ArgumentException(
                $"{what} is not a PNG, JPEG, WebP, GIF, MP4 or WebM; pass its media type explicitly if the provider accepts it.", nameof(mediaType));
        var dataUri = $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";
        LocalValues.AddOrUpdate(dataUri, null);
        return new MediaInput(dataUri, MediaSourceKind.DataUri, mediaType);
    }

    /// <summary>Whether <paramref name="value"/> is the very string a local input (<see cref="FromFile"/>, <see cref="FromBytes"/>) put on the wire.</summary>
    internal static bool IsLocalValue(string value) => LocalValues.TryGetValue(value, out _);

    private static void EnsureWithinCap(long length, long maxBytes, string what)
    {
        if (length > maxBytes)
        {
            throw new ArgumentException(
                $"{what} is {length} bytes, over the {maxBytes}-byte cap for inline media. Upload it and pass a URL (MediaInput.FromUrl or FromGcs), or raise maxBytes.",
                nameof(maxBytes));
        }
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..61] + "...";
}
