namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// A step's write found the record in another state than the one the step read (the job was canceled, resumed, or run
/// twice by a storage that handed it out twice): the step stops, and whoever moved the job owns it now.
/// </summary>
internal sealed class VideoJobMovedException(string key, VideoJobRecord current)
    : Exception($"Durable video job {key} moved to {current.State} while a step ran; the step stops here.")
{
    /// <summary>The record as it is now.</summary>
    public VideoJobRecord Current { get; } = current;
}
