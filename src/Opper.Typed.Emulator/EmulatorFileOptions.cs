namespace Opper.Typed.Emulator;

/// <summary>
/// The emulator's Files API (<c>/v3/files</c>): the organization's storage quota, the largest upload and how long a file
/// lives. Opper documents that each of these exists but not its figures; the defaults are the emulator's own, set
/// these to test a client against the limits.
/// </summary>
public sealed class EmulatorFileOptions
{
    /// <summary>The organization's storage quota: total bytes of live files (uploads and stored outputs). Default 5 GiB.</summary>
    public long QuotaBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>The most live files the organization may hold (uploads and stored outputs). Default 1000.</summary>
    public int MaxFiles { get; set; } = 1000;

    /// <summary>The largest single upload, in bytes; a larger one is refused with 413 <c>file_too_large</c>. Default 100 MiB.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// How long a file lives when its upload names no <c>ttl_seconds</c>, and the longest it may ask for (a longer
    /// one is capped to this). Stored outputs live this long from their job's completion. Default 7 days.
    /// </summary>
    public TimeSpan DefaultTimeToLive { get; set; } = TimeSpan.FromDays(7);
}
