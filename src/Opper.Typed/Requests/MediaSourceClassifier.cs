namespace Opper.Typed
{
    /// <summary>
    /// Tells how a media string reaches the provider by its scheme, in the dialect's terms (<c>url</c>, <c>data_uri</c>,
    /// <c>gcs</c>). Linked into the analyzers, so compile-time and run-time checks classify alike.
    /// </summary>
    internal static class MediaSourceClassifier
    {
        public const string Url = "url";
        public const string DataUri = "data_uri";
        public const string Gcs = "gcs";

        /// <summary>The kind, or null when the string is none of them (for example a local path).</summary>
        public static string? Classify(string value)
        {
            if (DataUriMediaType(value) is not null)
            {
                return DataUri;
            }

            if (value.StartsWith("gs://", System.StringComparison.OrdinalIgnoreCase))
            {
                return Gcs;
            }

            return System.Uri.TryCreate(value, System.UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https") ? Url : null;
        }

        /// <summary>The media type of a <c>data:&lt;type&gt;;base64,</c> URI, or null when it is not one.</summary>
        public static string? DataUriMediaType(string value)
        {
            if (!value.StartsWith("data:", System.StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var marker = value.IndexOf(";base64,", System.StringComparison.OrdinalIgnoreCase);
            if (marker <= 5)
            {
                return null;
            }

            var mediaType = value.Substring(5, marker - 5);
            return mediaType.IndexOf('/') > 0 ? mediaType : null;
        }
    }
}
