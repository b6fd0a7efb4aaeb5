using System.Security.Cryptography;

namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// The organization's files: uploads streamed into a temporary folder of their own (removed when the emulator stops),
/// and stored outputs derived from their jobs. Every change happens under one lock, so the quota holds under
/// concurrent uploads: a check and the add it allows are one step.
/// </summary>
internal sealed class FileStore : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly Lazy<string> _folder = new(() => Directory.CreateTempSubdirectory("opper-emulator-files-").FullName);
    private long _sequence;

    public FileStore(EmulatorFileOptions options, IEnumerable<EmulatedJob> jobs)
    {
        Options = options;
        foreach (var job in jobs)
        {
            AddOutput(job);
        }
    }

    public EmulatorFileOptions Options { get; }

    /// <summary>What the live files take up: the figures a quota refusal reports.</summary>
    public sealed record Usage(long UsedBytes, int Files);

    /// <summary>A fresh id: <c>file_</c> and 24 hex digits, the shape of the job ids' <c>gen_</c> ones.</summary>
    public static string NewId() => "file_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    /// <summary>Where an upload in progress is written; it becomes the file's <see cref="StoredFile.Path"/>.</summary>
    public string NewUploadPath() => System.IO.Path.Combine(_folder.Value, Guid.NewGuid().ToString("n") + ".upload");

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Adds an upload if the quota leaves room for it.</summary>
    /// <returns>Null when added; otherwise the usage that left no room (the caller deletes the upload's bytes).</returns>
    public Usage? TryAdd(StoredFile file, DateTimeOffset now)
    {
        lock (_gate)
        {
            var usage = UsageAt(now);
            if (usage.Files + 1 > Options.MaxFiles || usage.UsedBytes + file.Bytes > Options.QuotaBytes)
            {
                return usage;
            }

            _files[file.Id] = file;
            return null;
        }
    }

    /// <summary>
    /// Keeps a job's clip as a file, live from the job's completion. It counts against the quota from then on but is
    /// never refused for it: a finished clip is not lost to a full quota (uploads are refused instead).
    /// </summary>
    public void AddOutput(EmulatedJob job)
    {
        if (job.OutputFileId is not { } id)
        {
            return;
        }

        var bytes = ClipLibrary.Load(job.ClipSize, job.ClipSeconds).Length;
        var file = new StoredFile(id, bytes, job.FinishesAt, job.FinishesAt + Options.DefaultTimeToLive, job.Id + ".mp4", "video/mp4",
            StoredFile.OutputPurpose, NextSequence()) { Output = job };
        lock (_gate)
        {
            _files[id] = file;
        }
    }

    public Usage UsageAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            var live = Live(now).ToList();
            return new Usage(live.Sum(file => file.Bytes), live.Count);
        }
    }

    /// <summary>A live file; null for an unknown, deleted, expired or not yet completed one.</summary>
    public StoredFile? Find(string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _files.TryGetValue(id, out var file) && file.IsLiveAt(now) ? file : null;
        }
    }

    /// <summary>A page of the live files, newest first (as OpenAI-style lists default to), and how many there are.</summary>
    public (IReadOnlyList<StoredFile> Page, int Total) Page(DateTimeOffset now, int offset, int limit)
    {
        lock (_gate)
        {
            var live = Live(now).OrderByDescending(file => file.CreatedAt).ThenByDescending(file => file.Sequence).ToList();
            return (live.Skip(offset).Take(limit).ToList(), live.Count);
        }
    }

    /// <returns>Whether a live file was deleted.</returns>
    public bool Delete(string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(id, out var file) || !file.IsLiveAt(now))
            {
                return false;
            }

            _files.Remove(id);
            DeleteBytes(file.Path);
            return true;
        }
    }

    public static void DeleteBytes(string? path)
    {
        if (path is not null)
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        if (_folder.IsValueCreated)
        {
            Directory.Delete(_folder.Value, recursive: true);
        }
    }

    /// <summary>The live files, after forgetting expired uploads and their bytes (an output's bytes are its job's).</summary>
    private IEnumerable<StoredFile> Live(DateTimeOffset now)
    {
        foreach (var expired in _files.Values.Where(file => file.ExpiresAt <= now).ToList())
        {
            _files.Remove(expired.Id);
            DeleteBytes(expired.Path);
        }

        return _files.Values.Where(file => file.IsLiveAt(now));
    }
}
