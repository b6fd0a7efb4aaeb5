namespace Opper.Typed;

/// <summary>
/// A video generation request: the untyped <see cref="VideoRequest"/> or a generated typed class such as
/// <c>Veo31FastGenerate001Request</c>. Each builds its own wire body, writing every parameter with its provider's JSON type.
/// </summary>
public interface IVideoRequest
{
    /// <summary>The model id, e.g. <c>vertexai/veo-3.1-fast-generate-001</c>.</summary>
    string Model { get; }

    /// <summary>Builds the exact JSON body of <c>POST /v3/videos</c>.</summary>
    VideoWireRequest ToWireRequest();

    /// <summary>
    /// The spec of the model this request was generated from, so validation needs no lookup; null for requests that
    /// name their model by id only (<see cref="VideoRequest"/>), which are looked up in a catalog.
    /// </summary>
    VideoModelSpec? ModelSpec => null;

    /// <summary>
    /// The keys a typed request sends through its <c>AdditionalParameters</c> escape hatch: sent verbatim; a key the
    /// snapshot does not know is allowed (and logged at debug level), a key with a typed property draws a warning.
    /// </summary>
    IEnumerable<string> AdditionalParameterKeys => [];
}
