using Refit;

namespace Opper.Typed;

/// <summary>
/// The raw HTTP surface of Opper's video endpoints, implemented by Refit's source generator.
/// Most code should use <see cref="OpperVideoClient"/>, which adds validation, polling, downloads and error mapping.
/// </summary>
public interface IOpperVideosApi
{
    /// <summary><c>POST /v3/videos</c>: starts a paid generation job. Never retried automatically.</summary>
    /// <param name="request">The wire body.</param>
    /// <param name="cancellationToken">Cancels the HTTP call (the job may still have been created).</param>
    [Post("/v3/videos")]
    Task<IApiResponse<VideoJob>> SubmitAsync([Body] VideoWireRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/artifacts/{id}/status</c>: one poll of a job.</summary>
    /// <param name="id">The job id returned by <see cref="SubmitAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the HTTP call.</param>
    [Get("/v3/artifacts/{id}/status")]
    Task<IApiResponse<VideoStatus>> GetStatusAsync(string id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/videos/models</c>: one page of the video model catalog.</summary>
    /// <param name="query">Free-text filter (<c>q</c>).</param>
    /// <param name="capability">Only models with this capability, e.g. <c>image_to_video</c>.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="offset">Index of the first model of the page.</param>
    /// <param name="cancellationToken">Cancels the HTTP call.</param>
    [Get("/v3/videos/models")]
    Task<IApiResponse<VideoModelList>> ListModelsAsync(
        [AliasAs("q")] string? query = null,
        [AliasAs("capability")] string? capability = null,
        [AliasAs("limit")] int? limit = null,
        [AliasAs("offset")] int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/videos/models</c> as the JSON the server sent, for verbatim snapshots (unknown fields kept in order).</summary>
    /// <param name="limit">Page size.</param>
    /// <param name="offset">Index of the first model of the page.</param>
    /// <param name="cancellationToken">Cancels the HTTP call.</param>
    [Get("/v3/videos/models")]
    Task<IApiResponse<System.Text.Json.Nodes.JsonObject>> ListModelsJsonAsync(
        [AliasAs("limit")] int? limit = null,
        [AliasAs("offset")] int? offset = null,
        CancellationToken cancellationToken = default);
}
