namespace Opper.Typed.Hangfire;

/// <summary>
/// Receives the clips of durable jobs whose destination is not a file (<see cref="VideoJobDestination.Sink"/>).
/// Register it with <c>services.AddKeyedSingleton&lt;IVideoJobSink, YourSink&gt;("name")</c>, on every process that
/// enqueues or works.
/// </summary>
/// <remarks>
/// Steps run at least once: a worker killed mid-write leads to the same clip being written again under the same name, so
/// a write must replace what an earlier attempt left (as a blob upload does). The job completes only after
/// <see cref="WriteAsync"/> returns.
/// </remarks>
public interface IVideoJobSink
{
    /// <summary>Stores the clip.</summary>
    /// <param name="clip">Which job and name the bytes belong to.</param>
    /// <param name="content">The clip, streamed from Opper's storage; read it to the end. A read that breaks off throws, and the step is retried.</param>
    /// <param name="cancellationToken">The worker is stopping.</param>
    /// <returns>A task that completes when the clip is stored.</returns>
    Task WriteAsync(VideoJobClip clip, Stream content, CancellationToken cancellationToken);
}

/// <summary>What an <see cref="IVideoJobSink"/> is handed with the bytes.</summary>
/// <param name="Key">The durable job's key.</param>
/// <param name="OpperJobId">Opper's job id.</param>
/// <param name="Model">The model id.</param>
/// <param name="Name">The name given at enqueue (<see cref="VideoJobDestination.Sink"/>).</param>
/// <param name="ContentType">The clip's media type, e.g. <c>video/mp4</c>.</param>
public sealed record VideoJobClip(string Key, string OpperJobId, string Model, string Name, string ContentType);
