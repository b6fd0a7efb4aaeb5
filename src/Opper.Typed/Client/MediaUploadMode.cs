namespace Opper.Typed;

/// <summary>Whether the client uploads local media to Opper's Files before submitting a job (<see cref="OpperVideoClientOptions.MediaUpload"/>).</summary>
public enum MediaUploadMode
{
    /// <summary>
    /// Local media (<see cref="MediaInput.FromFile"/>, <see cref="MediaInput.FromBytes"/>) that the model's provider takes
    /// no data-URI for (Pruna, xAI), or that is larger than <see cref="OpperVideoClientOptions.InlineMediaMaxBytes"/>, is
    /// uploaded once (<c>POST /v3/files</c>) and sent as its file id. A data-URI the caller wrote is sent as written.
    /// </summary>
    Auto,

    /// <summary>Nothing is uploaded: local media is sent inline as a data-URI, and refused before sending where the provider takes none.</summary>
    Never,
}
