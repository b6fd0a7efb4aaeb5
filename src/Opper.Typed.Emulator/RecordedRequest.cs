namespace Opper.Typed.Emulator;

/// <summary>Which listener of the emulator a request reached.</summary>
public enum EmulatorHost
{
    /// <summary>The API (<see cref="OpperEmulator.BaseAddress"/>).</summary>
    Api,

    /// <summary>The presigned download host (<see cref="OpperEmulator.DownloadBaseAddress"/>).</summary>
    Download,
}

/// <summary>A request the emulator received, for assertions.</summary>
/// <param name="Host">The listener.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/v3/videos</c>.</param>
/// <param name="Query">The query string including <c>?</c>, or empty.</param>
/// <param name="Headers">The headers (names case-insensitive; repeated values joined by <c>, </c>).</param>
/// <param name="Body">
/// The body as text, or empty. A multipart upload (<c>POST /v3/files</c>) is recorded as its form instead of its bytes:
/// <c>file=(N bytes, name.png)&amp;purpose=reference_media</c>.
/// </param>
/// <param name="ReceivedAt">When it arrived, by the emulator's clock.</param>
/// <param name="ResponseStatus">The status the emulator answered with.</param>
public sealed record RecordedRequest(
    EmulatorHost Host,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt,
    int ResponseStatus);
