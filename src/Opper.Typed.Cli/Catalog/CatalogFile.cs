using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Opper.Typed.Cli.Catalog;

/// <summary>Reading and writing snapshots: stable formatting so diffs are reviewable, atomic writes so nothing is half-written.</summary>
internal static class CatalogFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The file's JSON object, or null when there is no such file.</returns>
    /// <exception cref="JsonException">The file is not a JSON object; the message names the file, line and column.</exception>
    public static JsonObject? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException($"{path} is not a JSON object.");
        }
        catch (JsonException exception) when (exception.LineNumber is { } line)
        {
            // System.Text.Json counts from zero and names no file; an editor counts from one.
            throw new JsonException($"{path}({line + 1},{(exception.BytePositionInLine ?? 0) + 1}): not valid JSON: {exception.Message.Split(" Path:")[0]}", exception);
        }
    }

    public static JsonObject ReadDefault()
    {
        using var stream = typeof(CatalogFile).Assembly.GetManifestResourceStream("videos-models.json")!;
        return (JsonObject)JsonNode.Parse(stream)!;
    }

    /// <summary>Two-space indentation, the server's key order, a final newline.</summary>
    public static string Format(JsonObject catalog) => catalog.ToJsonString(Indented) + "\n";

    public static void WriteAtomically(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// The class each model gets, read by the generator's own snapshot reader (so collisions are resolved as the build
    /// resolves them); empty when the snapshot cannot be read.
    /// </summary>
    public static Dictionary<string, string> ClassNames(JsonObject catalog)
    {
        try
        {
            return VideoModelCatalog.Parse(catalog.ToJsonString()).Models.ToDictionary(m => m.Id, m => m.RequestTypeName, StringComparer.Ordinal);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    public static VideoModelList Models(JsonObject catalog) =>
        VideoModelList.Parse(catalog.ToJsonString());
}
