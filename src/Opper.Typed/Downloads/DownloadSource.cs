namespace Opper.Typed;

/// <summary>
/// What a verified download is of: a job's clip or a stored file. The download machinery (<see cref="VerifiedDownloader"/>,
/// <see cref="DownloadStreamOpener"/>) is the same for both; a source says how to get a presigned URL, how to get a
/// fresh one when the storage host refuses it, and when the bytes that arrived are whole.
/// </summary>
internal abstract class DownloadSource
{
    /// <summary>The id progress reports and messages carry: the job id of a clip, the file id of a file.</summary>
    public abstract string Id { get; }

    /// <summary>The thing downloaded in words, e.g. "job gen_1" or "file file_1", for messages and logs.</summary>
    public abstract string Name { get; }

    /// <summary>The job an error carries (so a paid job can be resumed); null for a file.</summary>
    public virtual string? JobId => null;

    /// <summary>What the caller can do after a failure, as a sentence fragment, e.g. "retry DownloadToFileAsync (…)".</summary>
    public abstract string RetryAdvice { get; }

    /// <summary>
    /// The URL to download from: the first call gives the first URL, every later call a fresh one after the storage host
    /// refused the previous (expired or tampered).
    /// </summary>
    /// <param name="cancellationToken">Cancels the call that asks for a fresh URL.</param>
    public abstract Task<string> NextUrlAsync(CancellationToken cancellationToken);

    /// <summary>Null when the bytes that arrived are whole (beyond the announced length, which the downloader checks); else what is wrong.</summary>
    /// <param name="file">The partial file, positioned anywhere.</param>
    /// <param name="response">The answer the last bytes came with.</param>
    public abstract string? Problem(FileStream file, HttpResponseMessage response);

    /// <summary>The byte count the API said the content has, when it said one: a shorter or longer body is not the file.</summary>
    protected static string? CountProblem(FileStream file, long? expected) =>
        expected is { } bytes && file.Length != bytes ? $"{file.Length} bytes arrived where the API announced {bytes}" : null;
}
