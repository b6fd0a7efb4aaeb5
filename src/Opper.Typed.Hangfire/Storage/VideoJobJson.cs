using System.Text.Json.Serialization;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>The record and its index row as JSON, without reflection. The stored request is the client's own wire body, written by its own context.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(VideoJobRecord))]
[JsonSerializable(typeof(VideoJobRow))]
internal sealed partial class VideoJobJson : JsonSerializerContext;
