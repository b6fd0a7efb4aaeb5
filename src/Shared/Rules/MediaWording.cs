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

        /// <summary>The file route, which every provider with a dialect takes: Opper hands each provider the form it accepts.</summary>
        public const string FileRoute = "upload it with client.Files.UploadAsync and pass MediaInput.FromFileId(file.Id)";

        /// <summary>
        /// What to do instead of a form the model does not take: the forms it takes, the file route last where it takes
        /// file ids (the one route that needs no hosting of one's own).
        /// </summary>
        public static string FixFor(VideoModelSpec model)
        {
            var routes = new List<string>();
            if (model.AcceptedMedia.Contains(MediaSourceKind.DataUri))
            {
                routes.Add("send the bytes inline with MediaInput.FromFile or FromBytes");
            }
            else if (model.AcceptedMedia.Contains(MediaSourceKind.Url))
            {
                routes.Add("pass a public URL with MediaInput.FromUrl");
            }

            if (model.AcceptedMedia.Contains(MediaSourceKind.GcsUri))
            {
                routes.Add("a gs:// URI with MediaInput.FromGcs");
            }

            if (model.AcceptedMedia.Contains(MediaSourceKind.FileId))
            {
                routes.Add(FileRoute);
            }

            var text = string.Join(", or ", routes);
            return text.Length == 0 ? "Use another model." : char.ToUpperInvariant(text[0]) + text.Substring(1) + ".";
        }

        /// <summary>A long value cut for a message (data-URIs run to megabytes).</summary>
        public static string Shorten(string value) => value.Length <= 64 ? value : value.Substring(0, 61) + "...";

        /// <summary>A list for a message: <c>a, b, c</c>.</summary>
        public static string List(IEnumerable<string> items) => string.Join(", ", items);
    }
}
