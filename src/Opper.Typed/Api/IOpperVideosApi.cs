using Refit;

namespace Opper.Typed;

/// <summary>
/// The catalog endpoint as a Refit contract, implemented by Refit's source generator. Internal: no Refit type reaches
/// the public API. Submissions and polls are sent by <see cref="JobSubmitter"/> and <see cref="StatusPoller"/> over the
/// same HttpClient, because they must tell a lost answer from a refusal and poll the URL the API returned.
/// </summary>
internal interface IOpperVideosApi
{
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
}
