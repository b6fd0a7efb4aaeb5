namespace Opper.Typed;

/// <summary>The job ran and the provider reported failure (for example a moderation block or a bad input).</summary>
public sealed class VideoGenerationFailedException : OpperException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="jobId">The failed job.</param>
    /// <param name="providerError">The provider's error text.</param>
    /// <param name="status">The final status.</param>
    public VideoGenerationFailedException(string jobId, string? providerError, VideoStatus status)
        : base($"Video job {jobId} ({status.Model ?? "unknown model"}) failed: {providerError ?? "the provider gave no reason"}.")
    {
        JobId = jobId;
        ProviderError = providerError;
        Status = status;
    }

    /// <summary>The failed job.</summary>
    public string JobId { get; }

    /// <summary>The provider's error text.</summary>
    public string? ProviderError { get; }

    /// <summary>The final status.</summary>
    public VideoStatus Status { get; }
}
