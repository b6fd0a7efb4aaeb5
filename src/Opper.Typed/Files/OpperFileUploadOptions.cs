namespace Opper.Typed;

/// <summary>How <see cref="OpperFilesClient.UploadAsync(string, OpperFileUploadOptions?, CancellationToken)"/> stores a file.</summary>
public sealed class OpperFileUploadOptions
{
    /// <summary>The purpose of media inputs for video generation: images (PNG, JPEG, WebP, GIF) and videos (MP4, WebM, MOV).</summary>
    public const string ReferenceMedia = "reference_media";

    /// <summary>What the file is for; it decides which media types Opper accepts. Default <see cref="ReferenceMedia"/>.</summary>
    public string Purpose { get; set; } = ReferenceMedia;

    /// <summary>
    /// How long Opper keeps the file; null for the default. It can only shorten the default lifetime, which the project's
    /// retention caps. Sent as whole seconds (<c>ttl_seconds</c>).
    /// </summary>
    public TimeSpan? TimeToLive { get; set; }
}
