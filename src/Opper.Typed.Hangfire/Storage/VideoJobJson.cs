using System.Text.Json.Serialization;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>The record as JSON, without reflection. The stored request is the client's own wire body, written by its own context.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(VideoJobRecord))]
internal sealed partial class VideoJobJson : JsonSerializerContext;
