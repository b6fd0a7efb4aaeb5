using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>How media forms are named in messages and docs, so the rules, the generated docs and the CLI say the same words.</summary>
    internal static class MediaWording
    {
        /// <summary>"a base64 data-URI or a gs:// URI": the forms a model takes.</summary>
        public static string Accepted(VideoModelSpec model) => string.Join(" or ", model.AcceptedMedia.Select(kind => kind switch
        {
            MediaSourceKind.Url => model.PublicUrlsOnly ? "a public http(s) URL" : "an http(s) URL",
            MediaSourceKind.DataUri => "a base64 data-URI",
            MediaSourceKind.FileId => "an Opper file id (file_…)",
            _ => "a gs:// URI",
        }));

        /// <summary>"an http(s) URL": what a given value is.</summary>
        public static string Given(MediaSourceKind kind) => kind switch
        {
            MediaSourceKind.Url => "an http(s) URL",
            MediaSourceKind.DataUri => "a data-URI",
            MediaSourceKind.GcsUri => "a gs:// URI",
            MediaSourceKind.FileId => "an Opper file id",
            _ => "a value that is not a URL or data-URI",
        };

        /// <summary>What to do instead of a form the model does not take.</summary>
        public static string FixFor(VideoModelSpec model) =>
            model.AcceptedMedia.Contains(MediaSourceKind.DataUri)
                ? "Send the bytes inline with MediaInput.FromFile or FromBytes" + (model.AcceptedMedia.Contains(MediaSourceKind.GcsUri) ? ", or a gs:// URI with MediaInput.FromGcs." : ".")
                : "Upload the file and pass its public URL with MediaInput.FromUrl.";

        /// <summary>A long value cut for a message (data-URIs run to megabytes).</summary>
        public static string Shorten(string value) => value.Length <= 64 ? value : value.Substring(0, 61) + "...";

        /// <summary>A list for a message: <c>a, b, c</c>.</summary>
        public static string List(IEnumerable<string> items) => string.Join(", ", items);
    }
}
