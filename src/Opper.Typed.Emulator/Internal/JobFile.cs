using System.Collections.Concurrent;
using System.Text.Json;

namespace Opper.Typed.Emulator.Internal;

/// <summary>The emulator's jobs in a JSON file (<see cref="OpperEmulatorOptions.StatePath"/>), written whole and renamed into place, so a kill never leaves half a file.</summary>
internal static class JobFile
{
    private static readonly object Writing = new();

    public static ConcurrentDictionary<string, EmulatedJob> Load(string? path)
    {
        var jobs = new ConcurrentDictionary<string, EmulatedJob>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return jobs;
        }

        EmulatedJob[]? stored;
        try
        {
            stored = JsonSerializer.Deserialize(File.ReadAllText(path), EmulatorJson.Default.EmulatedJobArray);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The emulator's state file '{path}' is not one it wrote ({exception.Message}); delete it to start with no jobs.", exception);
        }

        foreach (var job in stored ?? [])
        {
            jobs[job.Id] = job;
        }

        return jobs;
    }

    public static void Save(string path, ConcurrentDictionary<string, EmulatedJob> jobs)
    {
        lock (Writing)
        {
            var full = Path.GetFullPath(path);
            var temporary = full + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(jobs.Values.OrderBy(job => job.CreatedAt).ToArray(), EmulatorJson.Default.EmulatedJobArray));
            File.Move(temporary, full, overwrite: true);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(EmulatedJob[]))]
internal sealed partial class EmulatorJson : System.Text.Json.Serialization.JsonSerializerContext;
