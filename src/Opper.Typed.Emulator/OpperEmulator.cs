using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Opper.Typed.Emulator.Internal;

namespace Opper.Typed.Emulator;

/// <summary>
/// A local emulator of Opper's video API on 127.0.0.1 (free ports): the three v3 video endpoints and the Files API with
/// bearer auth and provider-style validation, jobs that finish over time and are stored as files, real MP4 clips and
/// uploaded files served from a second "presigned" host, fault injection and a request log. For tests and offline development; nothing leaves the machine.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await OpperEmulator.StartAsync();
/// using var client = new OpperVideoClient(emulator.CreateClientOptions());
/// </code>
/// </example>
public sealed class OpperEmulator : IAsyncDisposable
{
    /// <summary>The key the emulator accepts when <see cref="OpperEmulatorOptions.ApiKey"/> is not set (it then accepts any).</summary>
    public const string DefaultApiKey = "opper-emulator-key";

    private readonly WebApplication _api;
    private readonly WebApplication _download;
    private readonly EmulatorState _state;

    private OpperEmulator(WebApplication api, WebApplication download, EmulatorState state, Uri baseAddress, Uri downloadBaseAddress)
    {
        _api = api;
        _download = download;
        _state = state;
        BaseAddress = baseAddress;
        DownloadBaseAddress = downloadBaseAddress;
    }

    /// <summary>The API's base address, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The base address of the download host (another port, as a storage host is another host).</summary>
    public Uri DownloadBaseAddress { get; }

    /// <summary>A key the emulator accepts.</summary>
    public string ApiKey => _state.Options.ApiKey ?? DefaultApiKey;

    /// <summary>Every request received so far, in order of arrival, on both hosts.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Requests;

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _state.ClearRequests();

    /// <summary>Starts the emulator.</summary>
    /// <param name="options">Behaviour and faults; defaults when null.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<OpperEmulator> StartAsync(OpperEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OpperEmulatorOptions();
        var state = new EmulatorState(options, EmulatorCatalog.Load(options.CatalogPath, options.Models));
        var api = CreateApp(options.Port, app => ApiEndpoints.Map(app, state));
        var download = CreateApp(0, app => DownloadEndpoints.Map(app, state));
        try
        {
            await api.StartAsync(cancellationToken).ConfigureAwait(false);
            await download.StartAsync(cancellationToken).ConfigureAwait(false);
            state.DownloadBase = AddressOf(download);
            return new OpperEmulator(api, download, state, AddressOf(api), state.DownloadBase);
        }
        catch
        {
            await api.DisposeAsync().ConfigureAwait(false);
            await download.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Client options pointing at this emulator with a key it accepts.</summary>
    /// <returns>Fresh options; adjust polling for fast tests.</returns>
    public OpperVideoClientOptions CreateClientOptions() => new() { BaseAddress = BaseAddress, ApiKey = ApiKey };

    /// <summary>Stops both listeners and deletes the uploaded files' folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync().ConfigureAwait(false);
        await _download.DisposeAsync().ConfigureAwait(false);
        _state.Files.Dispose();
    }

    private static WebApplication CreateApp(int port, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        return app;
    }

    private static Uri AddressOf(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
