using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Emulator.Internal;

/// <summary>Everything the two listeners share: options, catalog, jobs, files, fault counters and the request log.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _apiRequests;
    private int _apiGets;
    private int _downloads;
    private int _urlsIssued;

    public EmulatorState(OpperEmulatorOptions options, EmulatorCatalog catalog)
    {
        Options = options;
        Catalog = catalog;
        Jobs = JobFile.Load(options.StatePath);
        Files = new FileStore(options.Files, Jobs.Values);
    }

    public OpperEmulatorOptions Options { get; }

    public EmulatorCatalog Catalog { get; }

    public ConcurrentDictionary<string, EmulatedJob> Jobs { get; }

    /// <summary>The Files API's files, with the stored outputs of the jobs kept in the state file.</summary>
    public FileStore Files { get; }

    public UrlSigner Signer { get; } = new();

    public Uri DownloadBase { get; set; } = new("http://127.0.0.1/");

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public void ClearRequests() => _requests.Clear();

    /// <summary>Keeps a new job (and its stored output), in the state file too when there is one.</summary>
    public void Add(EmulatedJob job)
    {
        Jobs[job.Id] = job;
        Files.AddOutput(job);
        if (Options.StatePath is { } path)
        {
            JobFile.Save(path, Jobs);
        }
    }

    public void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        if (Options.RequestLogPath is { } path)
        {
            RequestLog.Append(path, request);
        }
    }

    public int NextApiRequest() => Interlocked.Increment(ref _apiRequests);

    public int NextApiGet() => Interlocked.Increment(ref _apiGets);

    public int NextDownload() => Interlocked.Increment(ref _downloads);

    public int NextUrl() => Interlocked.Increment(ref _urlsIssued);

    /// <summary>The v3 error envelope, <c>{"error":{"code","message","details"}}</c>.</summary>
    public static IResult Error(int status, string code, string message, JsonObject? details = null) =>
        Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["details"] = details } }, status);

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
