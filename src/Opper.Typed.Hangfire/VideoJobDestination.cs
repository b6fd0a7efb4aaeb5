namespace Opper.Typed.Hangfire;

/// <summary>Where a durable job delivers its clip: a file, or a named <see cref="IVideoJobSink"/> (blob storage, a database, …).</summary>
public sealed class VideoJobDestination
{
    private VideoJobDestination(string path, string? sink)
    {
        Path = path;
        SinkName = sink;
    }

    /// <summary>For a file, its path; for a sink, the name the clip is given there.</summary>
    public string Path { get; }

    /// <summary>The sink's name, as registered with <c>services.AddKeyedSingleton&lt;IVideoJobSink, …&gt;(name)</c>; null for a file.</summary>
    public string? SinkName { get; }

    /// <summary>A file, written atomically by the worker that downloads it (relative paths resolve against the enqueuing process's current folder).</summary>
    /// <param name="path">The file; its folder must exist where the workers run.</param>
    /// <returns>The destination.</returns>
    public static VideoJobDestination File(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new VideoJobDestination(path, sink: null);
    }

    /// <summary>A sink registered in dependency injection under <paramref name="sinkName"/>, which receives the clip as a stream.</summary>
    /// <param name="sinkName">The key the sink is registered under.</param>
    /// <param name="name">The name the clip gets there, e.g. a blob name.</param>
    /// <returns>The destination.</returns>
    public static VideoJobDestination Sink(string sinkName, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkName);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new VideoJobDestination(name, sinkName);
    }

    /// <inheritdoc />
    public override string ToString() => SinkName is null ? Path : $"{SinkName}:{Path}";
}
