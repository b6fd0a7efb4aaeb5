using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Emulator.Internal;

/// <summary>Everything the two listeners share: options, catalog, jobs, fault counters and the request log.</summary>
internal sealed class EmulatorState(OpperEmulatorOptions options, EmulatorCatalog catalog)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _apiRequests;
    private int _apiGets;
    private int _downloads;
    private int _urlsIssued;

    public OpperEmulatorOptions Options { get; } = options;

    public EmulatorCatalog Catalog { get; } = catalog;

    public ConcurrentDictionary<string, EmulatedJob> Jobs { get; } = JobFile.Load(options.StatePath);

    public UrlSigner Signer { get; } = new();

    public Uri DownloadBase { get; set; } = new("http://127.0.0.1/");

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public void ClearRequests() => _requests.Clear();

    /// <summary>Keeps a new job, in the state file too when there is one.</summary>
    public void Add(EmulatedJob job)
    {
        Jobs[job.Id] = job;
        if (Options.StatePath is { } path)
        {
            JobFile.Save(path, Jobs);
        }
    }

    public void Record(RecordedRequest request) => _requests.Enqueue(request);

    public int NextApiRequest() => Interlocked.Increment(ref _apiRequests);

    public int NextApiGet() => Interlocked.Increment(ref _apiGets);

    public int NextDownload() => Interlocked.Increment(ref _downloads);

    public int NextUrl() => Interlocked.Increment(ref _urlsIssued);

    public static IResult Error(int status, string code, string message) =>
        Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["details"] = null } }, status);

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
