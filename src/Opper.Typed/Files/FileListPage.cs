using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>One page of <c>GET /v3/files</c>: <c>{ data: [file objects], meta: { limit, offset, total } }</c>.</summary>
internal sealed class FileListPage
{
    [JsonPropertyName("data")]
    public List<OpperFile>? Data { get; init; }

    [JsonPropertyName("meta")]
    public FileListMeta? Meta { get; init; }
}

/// <summary>The paging part of <see cref="FileListPage"/>.</summary>
internal sealed class FileListMeta
{
    [JsonPropertyName("limit")]
    public int Limit { get; init; }

    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    [JsonPropertyName("total")]
    public int? Total { get; init; }
}
