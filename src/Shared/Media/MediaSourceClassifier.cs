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
        public const string FileIdName = "file";

        /// <summary>The prefix of an Opper file id (<c>file_abc123</c>).</summary>
        public const string FileIdPrefix = "file_";

        /// <summary>The kind; <see cref="MediaSourceKind.Unknown"/> when the string is none of them (for example a local path).</summary>
        public static MediaSourceKind Classify(string value)
        {
            if (DataUriMediaType(value) is not null)
            {
                return MediaSourceKind.DataUri;
            }

            if (IsFileId(value))
            {
                return MediaSourceKind.FileId;
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
            FileIdName => MediaSourceKind.FileId,
            _ => null,
        };

        /// <summary>
        /// Whether the value is a well-formed Opper file id: <c>file_</c> followed by one or more ASCII letters, digits,
        /// <c>-</c> or <c>_</c>. Opper does not document the id's alphabet; this is what its ids and every id it could
        /// plausibly mint look like, and it keeps a path such as <c>file_name.png</c> or <c>file_ a</c> out.
        /// </summary>
        public static bool IsFileId(string value)
        {
            if (value.Length <= FileIdPrefix.Length || !value.StartsWith(FileIdPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = FileIdPrefix.Length; i < value.Length; i++)
            {
                var c = value[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the value starts like a file id but is not a well-formed one (<c>file_</c> alone, a space, a dot).</summary>
        public static bool LooksLikeMalformedFileId(string value) =>
            value.StartsWith(FileIdPrefix, StringComparison.OrdinalIgnoreCase) && !IsFileId(value);

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
