namespace Opper.Typed
{
    /// <summary>How a media input reaches the provider. Providers accept different kinds.</summary>
    public enum MediaSourceKind
    {
        /// <summary>Not a form any provider accepts (for example a local path); rejected before sending.</summary>
        Unknown,

        /// <summary>An absolute <c>http</c> or <c>https</c> URL the provider fetches (Sora, Pruna, xAI; not Veo).</summary>
        Url,

        /// <summary>A base64 <c>data:</c> URI sent inline (Sora, Veo; not Pruna or xAI).</summary>
        DataUri,

        /// <summary>A Google Cloud Storage <c>gs://</c> URI (Veo only).</summary>
        GcsUri,

        /// <summary>
        /// An Opper file id, <c>file_…</c> (uploaded with the Files API, or a finished job's stored output). Opper resolves
        /// it per provider into the form that provider takes, so every model accepts it.
        /// </summary>
        FileId,
    }
}
