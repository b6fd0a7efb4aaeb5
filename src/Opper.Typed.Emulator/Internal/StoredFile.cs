using System.Text.Json.Nodes;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// A file of the Files API: an upload (its bytes in <see cref="Path"/>) or a job's stored output (its bytes are the
/// job's clip, made again on each download as the clip URL does, so nothing is written for it). It is live from
/// <see cref="CreatedAt"/> (for an output, its job's completion) until <see cref="ExpiresAt"/>; its state is derived from
/// the clock like a job's, so nothing has to wake up to expire it.
/// </summary>
internal sealed record StoredFile(
    string Id,
    long Bytes,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string Filename,
    string MimeType,
    string Purpose,
    long Sequence)
{
    /// <summary>The purpose the emulator gives a job's stored output (Opper does not document its word).</summary>
    public const string OutputPurpose = "video_output";

    /// <summary>The purpose an upload gets when it names none, and the only one an upload may name.</summary>
    public const string ReferenceMediaPurpose = "reference_media";

    /// <summary>An upload's bytes on disk.</summary>
    public string? Path { get; init; }

    /// <summary>The job whose clip this file is.</summary>
    public EmulatedJob? Output { get; init; }

    public bool IsLiveAt(DateTimeOffset now) => CreatedAt <= now && now < ExpiresAt;

    /// <summary>The file object, timestamps in unix seconds as OpenAI-style APIs write them.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "file",
        ["bytes"] = Bytes,
        ["created_at"] = CreatedAt.ToUnixTimeSeconds(),
        ["expires_at"] = ExpiresAt.ToUnixTimeSeconds(),
        ["filename"] = Filename,
        ["mime_type"] = MimeType,
        ["purpose"] = Purpose,
        ["status"] = "processed",
    };
}
