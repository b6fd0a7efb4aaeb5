namespace Opper.Typed;

/// <summary>
/// The four HttpClients a client works through: <see cref="Api"/> (polls, the catalog and the Files reads, retried),
/// <see cref="Submit"/> (the POST, never retried), <see cref="Upload"/> (<c>POST /v3/files</c>: no retry handler and
/// no per-attempt timeout, which the uploader bounds by silence instead) and <see cref="Download"/> (presigned URLs,
/// never the key).
/// </summary>
internal sealed class VideoHttpClients : IDisposable
{
    private readonly IDisposable? _owned;

    /// <summary>Clients supplied by someone else (<see cref="IHttpClientFactory"/>), who also disposes them.</summary>
    public VideoHttpClients(HttpClient api, HttpClient submit, HttpClient upload, HttpClient download)
        : this(api, submit, upload, download, owned: null)
    {
    }

    private VideoHttpClients(HttpClient api, HttpClient submit, HttpClient upload, HttpClient download, IDisposable? owned)
    {
        (Api, Submit, Upload, Download, _owned) = (api, submit, upload, download, owned);
        // Each attempt is bounded by the handler below the retries (RequestTimeout); a whole call may take several.
        // An upload is bounded by silence (FileUploader), not by a length a gigabyte on a slow line would exceed.
        api.Timeout = submit.Timeout = upload.Timeout = Timeout.InfiniteTimeSpan;
        // A download's length is the clip's, not an API call's: it is bounded by cancellation instead.
        download.Timeout = Timeout.InfiniteTimeSpan;
    }

    public HttpClient Api { get; }

    public HttpClient Submit { get; }

    public HttpClient Upload { get; }

    public HttpClient Download { get; }

    /// <summary>Clients of this instance's own, disposed with it.</summary>
    public static VideoHttpClients Create(ClientSettings settings)
    {
        var connections = new ApiConnections(settings);
        var context = new ChainContext(settings, connections);
        return new VideoHttpClients(Client(HttpChain.Api, context), Client(HttpChain.Submit, context), Client(HttpChain.Upload, context), Client(HttpChain.Download, context), connections);
    }

    private static HttpClient Client(HttpChain chain, ChainContext context)
    {
        var client = new HttpClient(chain.Build(context));
        HttpVersionPreference.Apply(client);
        return client;
    }

    public void Dispose()
    {
        if (_owned is null)
        {
            return;
        }

        Api.Dispose();
        Submit.Dispose();
        Upload.Dispose();
        Download.Dispose();
        _owned.Dispose();
    }
}
