using System;

namespace Opper.Typed.Core.Media
{
    /// <summary>Tells how a media string reaches the provider, by its scheme: the one classification of the analyzer, the runtime and the emulator.</summary>
    internal static class MediaSourceClassifier
    {
        /// <summary>The dialect file's names of the kinds (<c>video-parameters.json</c>: <c>media.kinds</c>).</summary>
        public const string UrlName = "url";
        public const string DataUriName = "data_uri";
        public const string GcsName = "gcs";

        /// <summary>The kind; <see cref="MediaSourceKind.Unknown"/> when the string is none of them (for example a local path).</summary>
        public static MediaSourceKind Classify(string value)
        {
            if (DataUriMediaType(value) is not null)
            {
                return MediaSourceKind.DataUri;
            }

            if (value.StartsWith("gs://", StringComparison.OrdinalIgnoreCase))
            {
                return MediaSourceKind.GcsUri;
            }

            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https") ? MediaSourceKind.Url : MediaSourceKind.Unknown;
        }

        /// <summary>The kind a dialect name stands for, or null for a name that is none.</summary>
        public static MediaSourceKind? FromDialectName(string name) => name switch
        {
            UrlName => MediaSourceKind.Url,
            DataUriName => MediaSourceKind.DataUri,
            GcsName => MediaSourceKind.GcsUri,
            _ => null,
        };

        /// <summary>The media type of a <c>data:&lt;type&gt;;base64,</c> URI, or null when it is not one.</summary>
        public static string? DataUriMediaType(string value)
        {
            if (!value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var marker = value.IndexOf(";base64,", StringComparison.OrdinalIgnoreCase);
            if (marker <= 5)
            {
                return null;
            }

            var mediaType = value.Substring(5, marker - 5);
            return mediaType.IndexOf('/') > 0 ? mediaType : null;
        }
    }
}
