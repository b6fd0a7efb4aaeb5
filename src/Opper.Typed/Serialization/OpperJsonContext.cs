using System.Text.Json.Serialization;

namespace Opper.Typed;

/// <summary>
/// Source-generated System.Text.Json metadata for every wire type, so (de)serialization needs no reflection
/// and survives trimming. Unknown JSON members are skipped, never an error.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(VideoWireRequest))]
[JsonSerializable(typeof(VideoJob))]
[JsonSerializable(typeof(VideoStatus))]
[JsonSerializable(typeof(VideoModelList))]
[JsonSerializable(typeof(ApiErrorEnvelope))]
[JsonSerializable(typeof(OpperFile))]
[JsonSerializable(typeof(FileListPage))]
[JsonSerializable(typeof(FileContent))]
internal sealed partial class OpperJsonContext : JsonSerializerContext;
